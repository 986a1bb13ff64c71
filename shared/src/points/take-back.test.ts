import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceValueMinor, pointsDueBack, pointsForReturn, pointsValueMinor } from './take-back';

describe('points back for a return', () => {
  it('takes back points in proportion to what came back, rounded down', () => {
    expect(pointsDueBack(100, 10_000, 2_500)).toBe(25);
    expect(pointsDueBack(10, 3, 1)).toBe(3);
    expect(pointsDueBack(100, 10_000, 20_000)).toBe(100);
    expect(pointsDueBack(100, 10_000, 0)).toBe(0);
  });

  it('takes back exactly what was earned once everything is back, whatever the parts', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 12 }), (earned, parts) => {
      const whole = parts.reduce((a, b) => a + b, 0);
      let before = 0;
      let taken = 0;
      for (const part of parts) {
        const now = pointsForReturn(earned, whole, before, part);
        expect(now).toBeGreaterThanOrEqual(0);
        taken += now;
        before += part;
        expect(taken).toBeLessThanOrEqual(earned);
      }
      expect(taken).toBe(earned);
    }));
  });
});

describe('what points are worth', () => {
  it('answers whole fen at the chain’s rate, or null', () => {
    expect(pointsValueMinor(500, 100)).toBe(500);
    expect(pointsValueMinor(300, 150)).toBe(200);
    expect(pointsValueMinor(1, 150)).toBeNull();
    expect(balanceValueMinor(1_234, 150)).toBe(822);
  });
});
