import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../state/durable-file';
import { createPairingCode, DEFAULT_PAIRING_LIMITS, safeEqual, type PairingLimits } from './pairing-code';

const PairedTill = z.object({ tillId: z.string(), name: z.string(), tokenHash: z.string(), pairedAt: z.string() });
const PairingFile = z.object({ tills: z.array(PairedTill) });
type PairedTill = z.infer<typeof PairedTill>;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PairingStoreOptions {
  announce(code: string, validUntil: Date): void;
  log(line: string): void;
  now?: () => number;
  limits?: PairingLimits;
}

export type PairOutcome = { ok: true; token: string; tillId: string } | { ok: false; code: 'PAIRING_CODE_INVALID' | 'PAIRING_CODE_EXPIRED' | 'PAIRING_LOCKED' };

/**
 * Tills pair once with a code shown on the bridge's console and then present a token. Only
 * token hashes are stored. Each start, each pairing, each lock-out and each use of an expired
 * code shows a new code (see `createPairingCode` for the limits).
 */
export async function openPairingStore(file: string, options: PairingStoreOptions) {
  const tills: PairedTill[] = await readTills(file);
  const now = options.now ?? Date.now;
  const code = createPairingCode({ announce: options.announce, log: options.log, now, limits: options.limits ?? DEFAULT_PAIRING_LIMITS });
  const save = async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFileDurably(file, JSON.stringify({ tills }, null, 2));
  };
  return {
    async pair(attempt: string, name: string): Promise<PairOutcome> {
      const checked = code.check(attempt);
      if (!checked.ok) return checked;
      const token = randomBytes(32).toString('base64url');
      const tillId = randomBytes(8).toString('hex');
      tills.push({ tillId, name, tokenHash: hash(token), pairedAt: new Date(now()).toISOString() });
      await save();
      return { ok: true, token, tillId };
    },
    /** The till a token belongs to, or null. */
    verify(token: string): string | null {
      const wanted = hash(token);
      return tills.find((t) => safeEqual(t.tokenHash, wanted))?.tillId ?? null;
    },
  };
}
export type PairingStore = Awaited<ReturnType<typeof openPairingStore>>;

async function readTills(file: string): Promise<PairedTill[]> {
  try {
    return PairingFile.parse(JSON.parse(await readFile(file, 'utf8'))).tills;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
