import { describe, expect, it } from 'vitest';
import { promotionOutcome, spanBefore } from './promotion-return';

describe('promotion return', () => {
  it('measures a promotion against as many days just before it', () => {
    expect(spanBefore({ from: '2026-11-10', to: '2026-11-14' })).toEqual({ from: '2026-11-05', to: '2026-11-09' });
    expect(spanBefore({ from: '2024-03-01', to: '2024-03-01' })).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });

  it('gives the uplift in sales and margin, and the margin gained per yuan spent', () => {
    // Five days at 20% off: 40 units sold for 320.00 (cost 200.00) against 10 units for 100.00 (cost 50.00) the five days before;
    // the discounts cost 80.00 and two gifts at 5.00 cost 10.00.
    const outcome = promotionOutcome({ salesMinor: 32_000, quantity: 40, marginMinor: 11_000 }, { salesMinor: 10_000, quantity: 10, marginMinor: 5_000 }, 9_000);
    expect(outcome).toEqual({ upliftSalesMinor: 22_000, upliftBp: 22_000, upliftMarginMinor: 6_000, returnBp: 6_667 });
  });

  it('gives no return where margin is not seen, nothing was spent, or nothing sold before', () => {
    expect(promotionOutcome({ salesMinor: 500, quantity: 1, marginMinor: null }, { salesMinor: 0, quantity: 0, marginMinor: null }, 100))
      .toEqual({ upliftSalesMinor: 500, upliftBp: null, upliftMarginMinor: null, returnBp: null });
    expect(promotionOutcome({ salesMinor: 500, quantity: 1, marginMinor: 200 }, { salesMinor: 400, quantity: 1, marginMinor: 100 }, 0).returnBp).toBeNull();
  });
});
