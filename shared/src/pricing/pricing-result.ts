export type PricingFailureCode =
  | 'ITEM_NOT_FOUND'
  | 'ITEM_INACTIVE'
  | 'NOT_IN_ASSORTMENT'
  | 'PRODUCT_DISCONTINUED'
  | 'NO_PRICE'
  | 'BAD_BARCODE'
  | 'NOT_SCALE_BARCODE';

/** An expected business failure: `code` is stable, `message` is for developers; the UI words it. */
export interface PricingFailure {
  readonly ok: false;
  readonly code: PricingFailureCode;
  readonly message: string;
}

export function failure(code: PricingFailureCode, message: string): PricingFailure {
  return { ok: false, code, message };
}
