import { cashRoundingDifference, type RoundingPolicy } from '@pos/shared';

/** Two cash totals, one just under half a unit and one over it, so the example shows how each choice differs. */
const exampleTotals = [1237, 1268] as const;

export interface RoundingExample {
  totalMinor: number;
  paidMinor: number;
}

/** What a cash sale of each example total is paid as under a rounding choice, by the same function the tills use. */
export function roundingExamples(policy: RoundingPolicy): RoundingExample[] {
  return exampleTotals.map((totalMinor) => ({ totalMinor, paidMinor: totalMinor + cashRoundingDifference(totalMinor, policy) }));
}
