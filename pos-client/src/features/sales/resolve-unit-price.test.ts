import { describe, expect, it } from 'vitest';
import { minor, type Price } from '@pos/shared';
import { resolveUnitPrice } from './resolve-unit-price';

const productId = '0195505c-0000-7000-8000-0000000000a1';
const storeId = '0195505c-0000-7000-8000-0000000000b1';
const otherStore = '0195505c-0000-7000-8000-0000000000b2';
const now = new Date('2025-03-01T10:00:00Z');
let n = 0;

function price(patch: Partial<Price & { active: boolean }>): Price & { active: boolean } {
  n += 1;
  return { id: `0195505c-0000-7000-8000-${String(n).padStart(12, '0')}`, productId, storeId: null, kind: 'retail', amountMinor: minor(100), effectiveFrom: null, active: true, ...patch };
}

describe('resolveUnitPrice', () => {
  it('prefers the store price over the chain price', () => {
    expect(resolveUnitPrice([price({ amountMinor: minor(500) }), price({ storeId, amountMinor: minor(450) })], storeId, now)).toBe(450);
  });

  it("falls back to the chain price and ignores other stores' prices", () => {
    expect(resolveUnitPrice([price({ amountMinor: minor(500) }), price({ storeId: otherStore, amountMinor: minor(1) })], storeId, now)).toBe(500);
  });

  it('ignores inactive, non-retail and future prices', () => {
    const prices = [
      price({ amountMinor: minor(500) }),
      price({ storeId, amountMinor: minor(1), active: false }),
      price({ storeId, amountMinor: minor(2), kind: 'member' }),
      price({ storeId, amountMinor: minor(3), effectiveFrom: '2025-03-02T00:00:00Z' }),
    ];
    expect(resolveUnitPrice(prices, storeId, now)).toBe(500);
  });

  it('takes the latest price already in effect', () => {
    const prices = [
      price({ amountMinor: minor(500) }),
      price({ amountMinor: minor(520), effectiveFrom: '2025-02-01T00:00:00Z' }),
      price({ amountMinor: minor(540), effectiveFrom: '2025-03-01T09:59:59Z' }),
      price({ amountMinor: minor(560), effectiveFrom: '2025-03-01T10:00:01Z' }),
    ];
    expect(resolveUnitPrice(prices, storeId, now)).toBe(540);
  });

  it('answers null when the product has no price here', () => {
    expect(resolveUnitPrice([price({ storeId: otherStore })], storeId, now)).toBeNull();
  });
});
