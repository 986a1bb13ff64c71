import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const PairedTill = z.object({ tillId: z.string(), name: z.string(), tokenHash: z.string(), pairedAt: z.string() });
const PairingFile = z.object({ tills: z.array(PairedTill) });
type PairedTill = z.infer<typeof PairedTill>;

const MAX_WRONG_CODES = 5;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type PairOutcome = { ok: true; token: string; tillId: string } | { ok: false; code: 'PAIRING_CODE_INVALID' | 'PAIRING_LOCKED' };

/**
 * Tills pair once with a code shown on the bridge's console and then present a token. Only
 * token hashes are stored. A new code is drawn after each pairing and after five wrong tries.
 */
export async function openPairingStore(file: string, announce: (code: string) => void) {
  const tills: PairedTill[] = await readTills(file);
  let code = '';
  let wrong = 0;
  const newCode = () => {
    code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    wrong = 0;
    announce(code);
  };
  newCode();
  const save = async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ tills }, null, 2), { mode: 0o600 });
  };
  return {
    async pair(attempt: string, name: string): Promise<PairOutcome> {
      if (!safeEqual(attempt, code)) {
        wrong += 1;
        if (wrong >= MAX_WRONG_CODES) newCode();
        return { ok: false, code: wrong === 0 ? 'PAIRING_LOCKED' : 'PAIRING_CODE_INVALID' };
      }
      const token = randomBytes(32).toString('base64url');
      const tillId = randomBytes(8).toString('hex');
      tills.push({ tillId, name, tokenHash: hash(token), pairedAt: new Date().toISOString() });
      await save();
      newCode();
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

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readTills(file: string): Promise<PairedTill[]> {
  try {
    return PairingFile.parse(JSON.parse(await readFile(file, 'utf8'))).tills;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
