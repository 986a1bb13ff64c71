import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { EntityId } from '../pricing/pricing.schemas';
import { SafeText } from '../schemas/common';

const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
/** Store-local YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss]. */
export const LocalDateTimeText = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/, 'a store-local date or date-time');

/** A daily window; `to` before `from` runs past midnight. */
export const ClockWindow = z.object({ from: ClockTime, to: ClockTime });
export type ClockWindow = z.infer<typeof ClockWindow>;

export const Combination = z.enum(['exclusive', 'stackable', 'best_of']);
export type Combination = z.infer<typeof Combination>;

/**
 * What every rule has. Empty lists mean "no restriction". `validFrom` is inclusive;
 * `validTo` is exclusive, except a bare date, which includes that whole day. Higher
 * `priority` applies first; `group` names the best-of group of a `best_of` rule.
 */
export const RuleCommon = z.object({
  id: EntityId,
  /** Carried onto sale lines as the discount's name, so it must pass the sale's own text check. */
  name: SafeText.min(1).max(120),
  priority: z.number().int(),
  combination: Combination,
  group: SafeText.min(1).max(64).nullable(),
  validFrom: LocalDateTimeText.nullable(),
  validTo: LocalDateTimeText.nullable(),
  weekdays: z.array(z.number().int().min(1).max(7)),
  hours: z.array(ClockWindow),
  storeIds: z.array(EntityId),
  memberLevelIds: z.array(EntityId),
});
export type RuleCommon = z.infer<typeof RuleCommon>;

/** The lines a rule looks at: any listed product, category (or descendant) or brand; all empty is every line. */
export const LineScope = z.object({
  productIds: z.array(EntityId),
  categoryIds: z.array(EntityId),
  brandIds: z.array(EntityId),
});
export type LineScope = z.infer<typeof LineScope>;

/** A percentage in basis points, 1 … 10000. */
export const PercentBp = z.number().int().min(1).max(10_000);

/** What a line promotion does to each unit; for weighed lines amounts and prices are per kilogram. */
export const Offer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('percent_off'), percentBp: PercentBp }),
  z.object({ type: z.literal('amount_off'), amountMinor: NonNegativeMinor }),
  z.object({ type: z.literal('fixed_price'), priceMinor: NonNegativeMinor }),
]);
export type Offer = z.infer<typeof Offer>;

/** 限量: how many units per ticket get the offer; null for no limit. */
export const UnitLimit = z.number().int().min(1).nullable();
