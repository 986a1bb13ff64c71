import { prorate } from '../money/prorate';
import type { Minor } from '../money/money';
import { MAX_LINE_CLERKS, WHOLE_SHARE_BP, type LineClerkShare, type SaleLine } from '../schemas/sales';

/**
 * Who is credited with a line (营业员) and by what share: its `clerkShares` when shared, else its
 * one clerk wholly, else nobody (the cashier sold it). Lines from tills before shares carry
 * `clerkId` alone.
 */
export function creditedShares(line: Pick<SaleLine, 'clerkId' | 'clerkShares'>): LineClerkShare[] {
  if (line.clerkShares && line.clerkShares.length > 0) return line.clerkShares.map((s) => ({ ...s }));
  return line.clerkId ? [{ clerkId: line.clerkId, shareBp: WHOLE_SHARE_BP }] : [];
}

/** The line's clerk fields as a sale carries them: `clerkId` the first clerk, `clerkShares` only for a shared line. */
export function saleLineClerks(shares: readonly LineClerkShare[]): Pick<SaleLine, 'clerkId' | 'clerkShares'> {
  const first = shares[0];
  if (!first) return { clerkId: null };
  return shares.length > 1 ? { clerkId: first.clerkId, clerkShares: shares.map((s) => ({ ...s })) } : { clerkId: first.clerkId };
}

export type ShareProblem = 'SHARE_INVALID' | 'SHARE_SAME_CLERK';

/**
 * One clerk wholly (no second), or two with the first's share in basis points and the second
 * the rest. Each keeps at least one basis point; one clerk cannot share a line with themselves.
 */
export function shareBetween(first: string, second: string | null, firstShareBp: number): { ok: true; shares: LineClerkShare[] } | { ok: false; code: ShareProblem } {
  if (second === null) return { ok: true, shares: [{ clerkId: first, shareBp: WHOLE_SHARE_BP }] };
  if (second.toLowerCase() === first.toLowerCase()) return { ok: false, code: 'SHARE_SAME_CLERK' };
  if (!Number.isInteger(firstShareBp) || firstShareBp < 1 || firstShareBp >= WHOLE_SHARE_BP) return { ok: false, code: 'SHARE_INVALID' };
  return { ok: true, shares: [{ clerkId: first, shareBp: firstShareBp }, { clerkId: second, shareBp: WHOLE_SHARE_BP - firstShareBp }] };
}

/** A share typed in percent (`60`, `33.33`, `12,5`) as basis points strictly between none and all, or null. */
export function parseSharePercent(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp < WHOLE_SHARE_BP ? bp : null;
}

/** Basis points as the percent a cashier reads: `6000` is `60`, `3333` is `33.33`. */
export const sharePercentText = (shareBp: number): string => String(shareBp / 100);

/** Two lines' credits are the same when the same clerks hold the same shares in the same order. */
export function sameShares(a: readonly LineClerkShare[], b: readonly LineClerkShare[]): boolean {
  return a.length === b.length && a.every((s, i) => s.clerkId === b[i]!.clerkId && s.shareBp === b[i]!.shareBp);
}

/** An amount of a line split over its clerks by their shares with the largest remainder, so the parts add up to it. */
export function splitByShares(amount: Minor, shares: readonly LineClerkShare[]): { clerkId: string; amountMinor: Minor }[] {
  if (shares.length > MAX_LINE_CLERKS) throw new RangeError(`a line has at most ${MAX_LINE_CLERKS} clerks`);
  const parts = prorate(shares.map((s) => s.shareBp), amount);
  return shares.map((s, i) => ({ clerkId: s.clerkId, amountMinor: parts[i]! }));
}
