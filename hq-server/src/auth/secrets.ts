import { createHash, pbkdf2, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { PinHash } from '@pos/shared';

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

/**
 * PINs use PBKDF2-SHA-256 so that a till can check them offline with WebCrypto, which has
 * PBKDF2 but no scrypt. A 4–8 digit PIN is weak whatever the hash: the real protection is
 * the lock-out after wrong tries, online and on the till.
 */
export const PIN_ITERATIONS = 210_000;

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await pbkdf2Async(pin, salt, iterations, 32, 'sha256');
  return { algorithm: 'pbkdf2-sha256', iterations, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await pbkdf2Async(pin, Buffer.from(stored.salt, 'base64'), stored.iterations, expected.length, 'sha256');
  return timingSafeEqual(actual, expected);
}

const SCRYPT = { N: 16384, r: 8, p: 1 };

/** Office passwords: scrypt, stored as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

export type TokenKind = 'ofs' | 'dev' | 'cks';

/**
 * Bearer tokens carry their kind and chain (`dev.<chainId>.<secret>`), so a look-up is by
 * chain and hash, like every other tenant query. Only the SHA-256 of the secret is stored.
 */
export function issueToken(kind: TokenKind, chainId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${kind}.${chainId}.${secret}`, hash: hashSecret(secret) };
}

export function parseToken(token: string): { kind: TokenKind; chainId: string; hash: string } | null {
  const match = /^(ofs|dev|cks)\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  return { kind: match[1] as TokenKind, chainId: match[2]!, hash: hashSecret(match[3]!) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** An 8-digit pairing code, typed by hand on a till. */
export function newPairingCode(): string {
  return randomInt(0, 100_000_000).toString().padStart(8, '0');
}
