import { describe, expect, it } from 'vitest';
import { cashRoundingDifference } from './cash-rounding';

describe('cash rounding', () => {
  it('rounds half up to the chain unit', () => {
    expect(cashRoundingDifference(1234, { unitMinor: 10, mode: 'half_up' })).toBe(-4);
    expect(cashRoundingDifference(1235, { unitMinor: 10, mode: 'half_up' })).toBe(5);
    expect(cashRoundingDifference(1250, { unitMinor: 100, mode: 'half_up' })).toBe(50);
  });

  it('rounds down (抹零) when the chain says so', () => {
    expect(cashRoundingDifference(1299, { unitMinor: 100, mode: 'down' })).toBe(-99);
  });

  it('leaves the total alone when rounding to the fen', () => {
    expect(cashRoundingDifference(1299, { unitMinor: 1, mode: 'half_up' })).toBe(0);
  });
});
