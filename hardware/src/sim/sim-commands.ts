import { z } from 'zod';

/** What `pnpm bridge …` asks a bridge started with `--simulate` to do. */
export const SimCommand = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('scan'), data: z.string().regex(/^[\x20-\x7e]{1,128}$/) }),
  z.object({ cmd: z.literal('swipe'), typed: z.string().regex(/^[\x20-\x7e]{1,256}$/) }),
  z.object({ cmd: z.literal('printer'), power: z.enum(['on', 'off']) }),
  z.object({ cmd: z.literal('busy'), on: z.boolean() }),
  z.object({ cmd: z.literal('paper'), out: z.boolean() }),
]);
export type SimCommand = z.infer<typeof SimCommand>;

export const simSocketPath = (stateDir: string) => `${stateDir}/sim.sock`;

/** Both tracks of a member card, as a reader in keyboard mode types them. */
export function tracksFor(number: string, name: string, expiry = '2812'): string {
  return `%B${number}^${name.toUpperCase()}^${expiry}1010000000?;${number}=${expiry}1010000000?`;
}
