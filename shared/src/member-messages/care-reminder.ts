import { addMonths } from '../points/points-expiry';

/**
 * Whole months from `since` to `today` (both `YYYY-MM-DD`), counted as `addMonths` counts them:
 * 31 August to 28 February is six months. A care reminder (会员关怀) is due once this reaches the
 * chain's `careAfterMonths`.
 */
export function wholeMonthsSince(since: string, today: string): number {
  if (today < since) return 0;
  const [fromYear, fromMonth] = since.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = today.split('-').map(Number) as [number, number];
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  return addMonths(since, months) <= today ? months : months - 1;
}
