import { randomInt, timingSafeEqual } from 'node:crypto';

export interface PairingLimits {
  /** How long a code shown on the console can be used. */
  codeTtlMs: number;
  /** Wrong codes, from all connections together, allowed in `windowMs` before pairing locks. */
  wrongPerWindow: number;
  windowMs: number;
  /** The first lock-out; each one after it, before a till pairs, lasts twice as long up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

export const DEFAULT_PAIRING_LIMITS: PairingLimits = { codeTtlMs: 10 * 60_000, wrongPerWindow: 10, windowMs: 60_000, lockMs: 5 * 60_000, maxLockMs: 60 * 60_000 };

export type CodeCheck = { ok: true } | { ok: false; code: 'PAIRING_CODE_INVALID' | 'PAIRING_CODE_EXPIRED' | 'PAIRING_LOCKED' };

export interface PairingCodeOptions {
  announce(code: string, validUntil: Date): void;
  log(line: string): void;
  now(): number;
  limits: PairingLimits;
  draw?: () => string;
}

const drawSixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The six-digit code the bridge shows on its console. One million codes are few, so guessing is
 * bounded for the whole bridge: a code lives `codeTtlMs`, and `wrongPerWindow` wrong codes in
 * `windowMs` lock pairing for everyone (the console says until when) and draw a new code.
 */
export function createPairingCode(options: PairingCodeOptions) {
  const { limits, now } = options;
  const draw = options.draw ?? drawSixDigits;
  let code = '';
  let expiresAt = 0;
  let lockedUntil = 0;
  let lockouts = 0;
  let wrong: number[] = [];

  const renew = (validFrom = now()) => {
    code = draw();
    expiresAt = validFrom + limits.codeTtlMs;
    options.announce(code, new Date(expiresAt));
  };

  const lock = (t: number) => {
    const lockMs = Math.min(limits.maxLockMs, limits.lockMs * 2 ** lockouts);
    lockouts += 1;
    lockedUntil = t + lockMs;
    wrong = [];
    options.log(`pairing locked until ${new Date(lockedUntil).toISOString()}: ${limits.wrongPerWindow} wrong codes within ${limits.windowMs / 1000} s; the new code below works after that`);
    renew(lockedUntil);
  };

  renew();
  return {
    /** Checks one attempt; the right code is used up and a new one shown. */
    check(attempt: string): CodeCheck {
      const t = now();
      if (t < lockedUntil) return { ok: false, code: 'PAIRING_LOCKED' };
      if (t >= expiresAt) {
        options.log('a till tried an expired pairing code; here is a new one');
        renew();
        return { ok: false, code: 'PAIRING_CODE_EXPIRED' };
      }
      if (safeEqual(attempt, code)) {
        lockouts = 0;
        renew();
        return { ok: true };
      }
      wrong = [...wrong.filter((at) => t - at < limits.windowMs), t];
      if (wrong.length >= limits.wrongPerWindow) lock(t);
      return { ok: false, code: 'PAIRING_CODE_INVALID' };
    },
  };
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
