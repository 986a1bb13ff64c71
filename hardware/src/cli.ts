import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { defaultStateDir } from './bridge/load-config';
import { isServiceCommand, runServiceCommand, SERVICE_USAGE } from './service/service-cli';
import { simSocketPath, tracksFor, type SimCommand } from './sim/sim-commands';

const USAGE = `usage:
  pnpm bridge scan <barcode>
  pnpm bridge swipe <typed tracks>            e.g. '%B6222021234567890^ZHANG/SAN^2812?;6222021234567890=2812?'
  pnpm bridge swipe --card <number> --name <SURNAME/GIVEN>
  pnpm bridge printer on|off
  pnpm bridge printer busy|ready               busy: prints each job but holds the bridge's connection
  pnpm bridge paper out|in
Talks to a bridge started with --simulate (pnpm start).
${SERVICE_USAGE}`;

type SimArgs = ReturnType<typeof parseSimArgs>;

const parseSimArgs = (args: string[]) =>
  parseArgs({ args, allowPositionals: true, options: { card: { type: 'string' }, name: { type: 'string' }, 'state-dir': { type: 'string' } } });

function commandFrom({ values, positionals }: SimArgs): SimCommand | null {
  const [verb, arg] = positionals;
  if (verb === 'scan' && arg) return { cmd: 'scan', data: arg };
  if (verb === 'swipe' && values.card) return { cmd: 'swipe', typed: tracksFor(values.card, values.name ?? 'MEMBER/CARD') };
  if (verb === 'swipe' && arg) return { cmd: 'swipe', typed: arg };
  if (verb === 'printer' && (arg === 'on' || arg === 'off')) return { cmd: 'printer', power: arg };
  if (verb === 'printer' && (arg === 'busy' || arg === 'ready')) return { cmd: 'busy', on: arg === 'busy' };
  if (verb === 'paper' && (arg === 'out' || arg === 'in')) return { cmd: 'paper', out: arg === 'out' };
  return null;
}

/** Sends one command to the simulated devices of a bridge started with --simulate. */
function sendSimCommand(args: string[]): void {
  const parsed = parseSimArgs(args);
  const command = commandFrom(parsed);
  if (!command) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const socket = connect(simSocketPath(parsed.values['state-dir'] ?? defaultStateDir()));
  socket.setEncoding('utf8');
  socket.on('connect', () => socket.write(`${JSON.stringify(command)}\n`));
  socket.on('data', (reply: string) => {
    const { ok, message } = JSON.parse(reply) as { ok: boolean; message: string };
    console.log(message);
    process.exitCode = ok ? 0 : 1;
  });
  socket.on('error', (error) => {
    console.error(`no simulated bridge is running (${error.message}); start one with: pnpm start`);
    process.exitCode = 1;
  });
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (isServiceCommand(args[0])) process.exitCode = await runServiceCommand(args);
else sendSimCommand(args);
