import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';

const DAY_MS = 86_400_000;

/**
 * What one till can ring up, so no sale can take a roll-up past PostgreSQL's bigint
 * (9.22 × 10^18) or a total past what a JavaScript number holds exactly (9.0 × 10^15):
 * a store-day of sales at the sale bound reaches bigint's limit only after 922 million
 * sales, and stays exact in a number for 900,000 of them, where a busy store rings up
 * a few thousand.
 */
export const SALE_LIMITS = {
  /** Under 10 million yuan a line. */
  lineMinor: 999_999_999,
  /** Under 100 million yuan a sale: also bounds each payment, the cash tendered and the change. */
  saleMinor: 9_999_999_999,
  quantity: 100_000,
  /** One tonne on a weight label. */
  weightGrams: 1_000_000,
  lines: 500,
  payments: 20,
  /** Manager overrides (店长授权) on one sale. */
  approvals: 100,
  /** From the first scan to completion: a basket parked and recalled is still one day's sale. */
  durationMs: DAY_MS,
  /** How long ago a sale may have been completed: a till can sell offline for weeks. */
  pastMs: 400 * DAY_MS,
  /** How far ahead of HQ's clock a till's clock may run. */
  futureMs: DAY_MS,
} as const;

/** An amount in minor units from zero to `max`. */
export const minorUpTo = (max: number) => NonNegativeMinor.refine((v) => v <= max, `must be at most ${max}`);

/**
 * Why a sale completed at `completedAt` cannot be taken at `now`, or null: one dated 1970
 * or 9999 is a broken clock, not a sale. Pure: the caller passes its clock's reading.
 */
export function saleTimeIssue(completedAt: string, now: Date): string | null {
  const age = now.getTime() - Date.parse(completedAt);
  if (age > SALE_LIMITS.pastMs) return `completed more than ${SALE_LIMITS.pastMs / DAY_MS} days ago`;
  if (-age > SALE_LIMITS.futureMs) return 'completed in the future by the receiver’s clock';
  return null;
}
