import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageCostMinor, stockValueAfter, type StockValue } from './moving-average';

const own = (unitCostMinor: number) => ({ kind: 'own' as const, unitCostMinor });
const atAverage = (fallbackCostMinor = 0) => ({ kind: 'average' as const, fallbackCostMinor });

/** A level as the rule leaves it: a value only above zero units. */
const level = fc.oneof(
  fc.record({ quantity: fc.integer({ min: 1, max: 100_000 }), valueMinor: fc.integer({ min: 0, max: 10_000_000_000 }) }),
  fc.record({ quantity: fc.integer({ min: -1_000, max: 0 }), valueMinor: fc.constant(0) }),
);

describe('stockValueAfter', () => {
  it('averages two receipts at different costs, then sells at the average', () => {
    const first = { quantity: 10, valueMinor: stockValueAfter({ quantity: 0, valueMinor: 0 }, 10, own(300)) };
    expect(first).toEqual({ quantity: 10, valueMinor: 3000 });
    const second = { quantity: 30, valueMinor: stockValueAfter(first, 20, own(450)) };
    expect(second.valueMinor).toBe(12000);
    expect(averageCostMinor(second)).toBe(400);
    expect(stockValueAfter(second, -5, atAverage())).toBe(10000);
  });

  it('rounds what is left half up when a sale splits a fen', () => {
    expect(stockValueAfter({ quantity: 3, valueMinor: 100 }, -1, atAverage())).toBe(67);
    expect(stockValueAfter({ quantity: 3, valueMinor: 100 }, -2, atAverage())).toBe(33);
  });

  it('values units received into stock below zero only for what is left above zero', () => {
    expect(stockValueAfter({ quantity: -4, valueMinor: 0 }, 10, own(250))).toBe(1500);
    expect(stockValueAfter({ quantity: -4, valueMinor: 0 }, 3, own(250))).toBe(0);
  });

  it('takes the fallback cost for units entering at the average where there is none', () => {
    expect(stockValueAfter({ quantity: 0, valueMinor: 0 }, 6, atAverage(120))).toBe(720);
    expect(stockValueAfter({ quantity: 5, valueMinor: 1000 }, 5, atAverage(120))).toBe(2000);
  });

  it('never gives a value below zero, and none when nothing is on hand', () => {
    fc.assert(fc.property(level, fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (l, delta, cost, isOwn) => {
      const value = stockValueAfter(l, delta, isOwn ? own(cost) : atAverage(cost));
      expect(value).toBeGreaterThanOrEqual(0);
      if (l.quantity + delta <= 0) expect(value).toBe(0);
    }));
  });

  it('keeps the average, to within a fen, when units leave or enter at it', () => {
    fc.assert(fc.property(level, fc.integer({ min: -100_000, max: 100_000 }), (l: StockValue, delta) => {
      fc.pre(l.quantity > 0 && l.quantity + delta > 0);
      const after = { quantity: l.quantity + delta, valueMinor: stockValueAfter(l, delta, atAverage()) };
      // In integers: the value left differs from the exact share by at most half a fen.
      const gap = BigInt(after.valueMinor) * BigInt(l.quantity) - BigInt(l.valueMinor) * BigInt(after.quantity);
      expect(2n * (gap < 0n ? -gap : gap) <= BigInt(l.quantity)).toBe(true);
    }));
  });

  it('lands the average between the old average and a receipt’s cost', () => {
    fc.assert(fc.property(level, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (l, delta, cost) => {
      fc.pre(l.quantity > 0);
      const value = BigInt(stockValueAfter(l, delta, own(cost)));
      const after = BigInt(l.quantity + delta);
      // In integers: the new average is not above both the old one and the cost, nor below both.
      const againstOld = value * BigInt(l.quantity) - BigInt(l.valueMinor) * after;
      const againstCost = value - BigInt(cost) * after;
      expect(againstOld * againstCost <= 0n).toBe(true);
    }));
  });
});

describe('averageCostMinor', () => {
  it('is none without stock on hand and rounds half up otherwise', () => {
    expect(averageCostMinor({ quantity: 0, valueMinor: 0 })).toBeNull();
    expect(averageCostMinor({ quantity: -3, valueMinor: 0 })).toBeNull();
    expect(averageCostMinor({ quantity: 4, valueMinor: 1002 })).toBe(251);
  });
});
