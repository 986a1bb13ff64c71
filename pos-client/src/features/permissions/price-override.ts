import { parseMinor, type ManualDiscount, type Minor } from '@pos/shared';
import { translate } from '../../i18n/translate';

/** A line's price set by hand (改价): the new price per piece, and the discount the sale records for it. */
export interface PriceOverride {
  lineId: string;
  unitPriceMinor: Minor;
  /** The id of the manual discount that carries it, fixed when the price is set. */
  discountId: string;
  /** Who answers for it: the approving manager, or the clerk allowed to set prices alone. */
  enteredBy: string;
}

export type PriceOverrideProblem = 'PRICE_INVALID' | 'PRICE_NOT_LOWER';

/** A new unit price as typed: at least zero, and below the line's price (a price is lowered by hand, never raised). */
export function parseNewPrice(text: string, currentMinor: Minor, exponent: number): { ok: true; unitPriceMinor: Minor } | { ok: false; code: PriceOverrideProblem } {
  const amount = parseMinor(text.trim(), exponent);
  if (amount === null || amount < 0) return { ok: false, code: 'PRICE_INVALID' };
  if (amount >= currentMinor) return { ok: false, code: 'PRICE_NOT_LOWER' };
  return { ok: true, unitPriceMinor: amount };
}

const overrideReason = `${translate('zh-CN', 'priceOverride.reason')} ${translate('en', 'priceOverride.reason')}`;

/**
 * The override as the shared engine's manual line discount: the difference from the line's
 * price, times its quantity as it stands, so HQ prices the sale again to the same total. It
 * applies after the line's promotions, so the line never costs more than the new price.
 */
export function overrideDiscount(override: PriceOverride, line: { unitPriceMinor: Minor; quantity: number }): ManualDiscount {
  const value = Math.max(0, line.unitPriceMinor - override.unitPriceMinor) * line.quantity;
  return { id: override.discountId, lineId: override.lineId, kind: 'amount', value, enteredBy: override.enteredBy, reason: overrideReason };
}
