import { minor, type Minor } from './money';

/**
 * Splits `total` over parts in proportion to `weights` with the largest-remainder method:
 * the parts always add up to `total` exactly. Ties go to the earlier part, so the result
 * is deterministic. Zero or empty weights split evenly.
 */
export function prorate(weights: readonly number[], total: Minor): Minor[] {
  const count = weights.length;
  if (count === 0) {
    if (total !== 0) throw new RangeError('cannot split a non-zero amount over no parts');
    return [];
  }
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be finite and non-negative');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const effective = weightSum === 0 ? weights.map(() => 1) : weights;
  const effectiveSum = weightSum === 0 ? count : weightSum;

  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const floors: number[] = [];
  const remainders: { index: number; remainder: number }[] = [];
  let allocated = 0;
  effective.forEach((weight, index) => {
    const exact = (magnitude * weight) / effectiveSum;
    const floor = Math.floor(exact);
    floors.push(floor);
    allocated += floor;
    remainders.push({ index, remainder: exact - floor });
  });
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; i < magnitude - allocated; i++) {
    const slot = remainders[i % count]!;
    floors[slot.index]! += 1;
  }
  return floors.map((part) => minor(sign * part));
}
