import { minor, scaleMinor, type Minor } from '../money/money';
import type { LineView } from './define-rule';
import type { Offer } from './rule-common.schemas';

/** An amount per unit, or per kilogram on a weighed line, times the units it covers. */
function perUnit(amount: Minor, view: LineView, units: number): Minor {
  const weight = view.line.weightGrams;
  return weight === null ? minor(amount * units) : scaleMinor(amount, weight * units, 1000 * view.line.quantity);
}

/**
 * The discount an offer gives on `units` of a line, measured on what remains of the line so
 * the offers on one line compound. Never more than the part of the line it covers.
 */
export function offerDiscount(offer: Offer, view: LineView, units: number): Minor {
  const { remainingMinor } = view;
  const base = units >= view.line.quantity ? remainingMinor : scaleMinor(remainingMinor, units, view.line.quantity);
  if (base <= 0 || units <= 0) return minor(0);
  switch (offer.type) {
    case 'percent_off':
      return scaleMinor(base, offer.percentBp, 10_000);
    case 'amount_off':
      return minor(Math.min(base, perUnit(offer.amountMinor, view, units)));
    case 'fixed_price':
      return minor(Math.max(0, base - perUnit(offer.priceMinor, view, units)));
  }
}
