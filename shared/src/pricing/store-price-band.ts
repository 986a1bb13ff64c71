/** The basis points in one whole: a band of 1,000 bp is ±10%. */
const WHOLE_BP = 10_000;

/** Where a store's price may lie, inclusive, in fen; `source` says whether HQ set it for the product or it follows the chain's default. */
export interface StorePriceBand {
  readonly minMinor: number;
  readonly maxMinor: number;
  readonly source: 'product' | 'default';
}

export interface StorePriceBandInputs {
  /** The band HQ set for the product, if any: it wins. */
  readonly explicit: { readonly minMinor: number; readonly maxMinor: number } | null;
  /** The chain's retail price at the instant the store price would take effect; null when it has none. */
  readonly chainPriceMinor: number | null;
  /** The chain's default band, in basis points either side of its price (0–10,000). */
  readonly defaultBandBp: number;
}

/**
 * The band a store's own retail price must fall in: the product's band when HQ set one, else the
 * chain price ± the default basis points, rounded inwards to whole fen (so the band never allows
 * more than the percentage says). Null when there is neither a band nor a chain price to centre one on.
 */
export function resolveStorePriceBand({ explicit, chainPriceMinor, defaultBandBp }: StorePriceBandInputs): StorePriceBand | null {
  if (explicit) return { minMinor: explicit.minMinor, maxMinor: explicit.maxMinor, source: 'product' };
  if (chainPriceMinor === null) return null;
  const bp = Math.min(Math.max(defaultBandBp, 0), WHOLE_BP);
  return {
    minMinor: Math.ceil((chainPriceMinor * (WHOLE_BP - bp)) / WHOLE_BP),
    maxMinor: Math.floor((chainPriceMinor * (WHOLE_BP + bp)) / WHOLE_BP),
    source: 'default',
  };
}

/** Whether an amount lies inside a band, both ends included. */
export const bandAllows = (band: Pick<StorePriceBand, 'minMinor' | 'maxMinor'>, amountMinor: number): boolean =>
  amountMinor >= band.minMinor && amountMinor <= band.maxMinor;
