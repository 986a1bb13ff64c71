/**
 * How many of `total` points are due back once `doneMinor` of `wholeMinor` has come back
 * (refunded goods against what the sale paid, or a refund against what points paid), rounded
 * down and never more than `total`. Each return takes what is due after it less what was due
 * before it, so a sale returned in parts gives back exactly `total` once it is all back.
 */
export function pointsDueBack(total: number, wholeMinor: number, doneMinor: number): number {
  if (total <= 0 || wholeMinor <= 0 || doneMinor <= 0) return 0;
  if (doneMinor >= wholeMinor) return total;
  return Number((BigInt(total) * BigInt(doneMinor)) / BigInt(wholeMinor));
}

/** The part of `total` that one return moves: what is due after it less what was due before it. */
export function pointsForReturn(total: number, wholeMinor: number, beforeMinor: number, thisMinor: number): number {
  return pointsDueBack(total, wholeMinor, beforeMinor + thisMinor) - pointsDueBack(total, wholeMinor, beforeMinor);
}

/** What `points` take off at `pointsPerYuan` points a yuan, in fen; null when they do not make whole fen. */
export function pointsValueMinor(points: number, pointsPerYuan: number): number | null {
  const scaled = points * 100;
  return scaled % pointsPerYuan === 0 ? scaled / pointsPerYuan : null;
}

/** The largest value in fen a balance of points can take off whole (the points it takes are `fen × pointsPerYuan / 100`). */
export function balanceValueMinor(points: number, pointsPerYuan: number): number {
  return Math.floor((points * 100) / pointsPerYuan);
}
