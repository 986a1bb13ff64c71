import { minor, type Minor } from '../money/money';
import type { GiftLine } from './priced-basket.types';

/**
 * The amounts of a gift as a line of the sale: priced at its value per unit (rounded to the
 * minor unit when the value does not divide) and discounted by all of it, so it moves stock,
 * nets to nothing and shows in the discount as what the promotion cost.
 */
export function giftSaleAmounts(gift: Pick<GiftLine, 'quantity' | 'valueMinor'>): { unitPriceMinor: Minor; grossMinor: Minor } {
  const unit = Math.round(gift.valueMinor / gift.quantity);
  return { unitPriceMinor: minor(unit), grossMinor: minor(unit * gift.quantity) };
}
