/** A place's stock of one product: units on hand and what they cost (库存金额), in minor units. */
export interface StockValue {
  quantity: number;
  valueMinor: number;
}

/**
 * The cost at which units enter: their own (goods received from a supplier), or the place's
 * moving average, which keeps the average as it is; where there is no average because nothing is
 * on hand, units entering at the average take `fallbackCostMinor` (the product's cost in force).
 */
export type EnteringCost = { kind: 'own'; unitCostMinor: number } | { kind: 'average'; fallbackCostMinor: number };

/** Half up, exact in integers however large the product: the numbers here are never negative. */
const divideRounded = (numerator: bigint, denominator: bigint): number => Number((2n * numerator + denominator) / (2n * denominator));

/**
 * The value of a place's stock after `delta` units move (moving-average cost, 移动加权平均).
 * Units leave at the average: the value shrinks in proportion, so the average holds. Units
 * entering at their own cost add their cost; at the average, the value grows in proportion.
 * A level may fall below zero (a till never refuses a sale), and units below zero have no value
 * on hand: the value is zero whenever the quantity is not above zero, and units entering below
 * zero fill the hole first, only those left above zero being valued, at the entering cost. The
 * HQ server's `stock-value.ts` writes the same rule in SQL.
 */
export function stockValueAfter(level: StockValue, delta: number, cost: EnteringCost): number {
  const after = level.quantity + delta;
  if (after <= 0) return 0;
  if (level.quantity <= 0) return after * (cost.kind === 'own' ? cost.unitCostMinor : cost.fallbackCostMinor);
  if (delta > 0 && cost.kind === 'own') return level.valueMinor + delta * cost.unitCostMinor;
  return divideRounded(BigInt(level.valueMinor) * BigInt(after), BigInt(level.quantity));
}

/** The moving-average cost of a unit, rounded half up to a minor unit; none when nothing is on hand. */
export function averageCostMinor(level: StockValue): number | null {
  return level.quantity > 0 ? divideRounded(BigInt(level.valueMinor), BigInt(level.quantity)) : null;
}
