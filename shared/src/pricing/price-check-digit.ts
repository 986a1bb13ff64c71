// Weighting tables of the GS1 price check digit (GS1 General Specifications, 7.9.2).
const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const THREE = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

const FOUR_DIGIT_WEIGHTS = [TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS];
const FIVE_DIGIT_WEIGHTS = [FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS];

function weightedSum(value: string, weights: readonly number[][]): number {
  let sum = 0;
  weights.forEach((table, i) => (sum += table[Number(value[i])]!));
  return sum;
}

/** The price check digit over a 4- or 5-digit price or weight field. */
export function priceCheckDigit(value: string): number {
  if (!/^\d{4,5}$/.test(value)) throw new RangeError('a price check digit covers 4 or 5 digits');
  if (value.length === 4) return (weightedSum(value, FOUR_DIGIT_WEIGHTS) * 3) % 10;
  const target = (10 - (weightedSum(value, FIVE_DIGIT_WEIGHTS) % 10)) % 10;
  return FIVE_MINUS.indexOf(target);
}
