import type { PinAttempts } from '../../db/till-db';

export const maxPinFailures = 5;
export const pinLockMs = 5 * 60_000;

/** Seconds until a locked clerk may try again on this till; 0 when not locked. */
export function lockRemainingSeconds(attempts: PinAttempts | undefined, now: Date): number {
  if (!attempts?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(attempts.lockedUntil) - now.getTime()) / 1000));
}

/** One more wrong PIN; the fifth in a row locks the clerk out for five minutes. A lock that ran out starts a fresh count. */
export function recordPinFailure(attempts: PinAttempts | undefined, clerkCode: string, now: Date): PinAttempts {
  const expired = attempts?.lockedUntil != null && lockRemainingSeconds(attempts, now) === 0;
  const failures = (attempts && !expired ? attempts.failures : 0) + 1;
  const lockedUntil = failures >= maxPinFailures ? new Date(now.getTime() + pinLockMs).toISOString() : null;
  return { clerkCode, failures, lockedUntil };
}

/** HQ said the clerk is locked: honour its wait here too, even when the till goes offline. */
export function lockFor(clerkCode: string, seconds: number, now: Date): PinAttempts {
  return { clerkCode, failures: maxPinFailures, lockedUntil: new Date(now.getTime() + seconds * 1000).toISOString() };
}
