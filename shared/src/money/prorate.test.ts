import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minor } from './money';
import { prorate } from './prorate';

describe('prorate', () => {
  it('splits by weight with the remainder to the largest fractions', () => {
    expect(prorate([1, 1, 1], minor(100))).toEqual([34, 33, 33]);
    expect(prorate([500, 300, 200], minor(99))).toEqual([49, 30, 20]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(prorate([0, 0], minor(5))).toEqual([3, 2]);
  });

  it('keeps the sign of a negative total', () => {
    expect(prorate([1, 3], minor(-10))).toEqual([-3, -7]);
  });

  it('refuses to split a non-zero amount over no parts', () => {
    expect(() => prorate([], minor(1))).toThrow(RangeError);
  });

  it('always adds up to the total and never gives a part more than one unit off its share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 40 }), fc.integer({ min: -10_000_000, max: 10_000_000 }), (weights, total) => {
        const parts = prorate(weights, minor(total));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          const share = sum === 0 ? total / weights.length : (total * weights[i]!) / sum;
          expect(Math.abs(part - share)).toBeLessThan(1);
        });
      }),
    );
  });
});
