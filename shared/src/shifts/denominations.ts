import { minor, type Minor } from '../money/money';
import type { DenominationCount } from '../schemas/shifts';

/** The renminbi's notes and coins, in fen, largest first: what a cashier counts a drawer by. */
export const CNY_DENOMINATIONS: readonly number[] = [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10];

/** The cash a denomination count comes to. */
export function countedTotal(counts: readonly DenominationCount[]): Minor {
  return minor(counts.reduce((total, { faceMinor, quantity }) => total + faceMinor * quantity, 0));
}
