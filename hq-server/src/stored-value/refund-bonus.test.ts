import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundBonus } from './refunds.service';

describe('refundBonus', () => {
  it('gives back bonus money in the proportion the spend took it', () => {
    expect(refundBonus(10_000, 5_000, 0, 0, 3_333)).toBe(1_667);
    expect(refundBonus(10_000, 0, 0, 0, 10_000)).toBe(0);
    expect(refundBonus(10_000, 10_000, 0, 0, 1)).toBe(1);
  });

  it('gives back exactly the spend’s bonus over any split of a whole refund, never more on the way', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 20 }), (spent, share, weights) => {
      const bonus = Math.floor(spent * share);
      const total = weights.reduce((a, b) => a + b, 0);
      const parts = weights.map((w) => Math.floor((spent * w) / total));
      parts[parts.length - 1]! += spent - parts.reduce((a, b) => a + b, 0);
      let refunded = 0;
      let refundedBonus = 0;
      for (const part of parts.filter((p) => p > 0)) {
        const back = refundBonus(spent, bonus, refunded, refundedBonus, part);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(part);
        refunded += part;
        refundedBonus += back;
        expect(refundedBonus).toBeLessThanOrEqual(bonus);
      }
      expect(refundedBonus).toBe(bonus);
    }));
  });
});
