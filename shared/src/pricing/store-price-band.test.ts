import { describe, expect, it } from 'vitest';
import { bandAllows, resolveStorePriceBand } from './store-price-band';

describe('resolveStorePriceBand', () => {
  it('takes the product’s own band over the chain’s default', () => {
    expect(resolveStorePriceBand({ explicit: { minMinor: 100, maxMinor: 300 }, chainPriceMinor: 1000, defaultBandBp: 1000 }))
      .toEqual({ minMinor: 100, maxMinor: 300, source: 'product' });
  });

  it('centres the default band on the chain price', () => {
    expect(resolveStorePriceBand({ explicit: null, chainPriceMinor: 1000, defaultBandBp: 1000 })).toEqual({ minMinor: 900, maxMinor: 1100, source: 'default' });
  });

  it('rounds inwards to whole fen, so the band never allows more than the percentage', () => {
    expect(resolveStorePriceBand({ explicit: null, chainPriceMinor: 999, defaultBandBp: 1000 })).toEqual({ minMinor: 900, maxMinor: 1098, source: 'default' });
  });

  it('allows only the chain price with a zero band, and from nothing to double with a whole band', () => {
    expect(resolveStorePriceBand({ explicit: null, chainPriceMinor: 450, defaultBandBp: 0 })).toMatchObject({ minMinor: 450, maxMinor: 450 });
    expect(resolveStorePriceBand({ explicit: null, chainPriceMinor: 450, defaultBandBp: 10_000 })).toMatchObject({ minMinor: 0, maxMinor: 900 });
  });

  it('has no band without a product band or a chain price', () => {
    expect(resolveStorePriceBand({ explicit: null, chainPriceMinor: null, defaultBandBp: 1000 })).toBeNull();
  });
});

describe('bandAllows', () => {
  it('includes both ends', () => {
    const band = { minMinor: 900, maxMinor: 1100 };
    expect([899, 900, 1000, 1100, 1101].map((a) => bandAllows(band, a))).toEqual([false, true, true, true, false]);
  });
});
