import type { PromotedFigures } from '../schemas/reports';
import { daysIn, growthBp, type DayRange } from './periods';

const shiftDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The span a promotion's uplift is measured against: as many days as it ran, just before it. */
export function spanBefore(during: DayRange): DayRange {
  const days = daysIn(during);
  return { from: shiftDays(during.from, -days), to: shiftDays(during.from, -1) };
}

export interface PromotionOutcome {
  upliftSalesMinor: number;
  upliftBp: number | null;
  upliftMarginMinor: number | null;
  returnBp: number | null;
}

/**
 * What a promotion brought: the promoted goods' sales and margin during it less before it, and the
 * margin uplift over what it cost (gifts at cost and discounts). The margin during is already after
 * the discounts and the gifts' cost, so the return is what the margin gained for each yuan given.
 */
export function promotionOutcome(during: PromotedFigures, before: PromotedFigures, costMinor: number): PromotionOutcome {
  const upliftMarginMinor = during.marginMinor === null || before.marginMinor === null ? null : during.marginMinor - before.marginMinor;
  return {
    upliftSalesMinor: during.salesMinor - before.salesMinor,
    upliftBp: growthBp(during.salesMinor, before.salesMinor),
    upliftMarginMinor,
    returnBp: upliftMarginMinor === null || costMinor <= 0 ? null : Math.round((upliftMarginMinor * 10_000) / costMinor),
  };
}
