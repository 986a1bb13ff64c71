import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { EntityId } from '../pricing/pricing.schemas';
import { IsoDateTime, SafeText, TimeZone } from '../schemas/common';
import { SALE_LIMITS } from '../schemas/sale-limits';

export const BasketLine = z.object({
  lineId: EntityId,
  productId: EntityId,
  quantity: z.number().int().min(1).max(100_000),
  /** The price that applies (stage 1); for a weighed line, the whole label. */
  unitPriceMinor: NonNegativeMinor,
  categoryId: EntityId.nullable(),
  /** Every category above `categoryId`, so a rule on a parent category reaches the line. */
  ancestorCategoryIds: z.array(EntityId),
  brandId: EntityId.nullable(),
  clerkId: EntityId.nullable(),
  weightGrams: z.number().int().positive().nullable(),
});
export type BasketLine = z.infer<typeof BasketLine>;

export const Basket = z.object({
  lines: z.array(BasketLine).max(500).refine((lines) => new Set(lines.map((l) => l.lineId)).size === lines.length, 'line ids must be unique'),
});
export type Basket = z.infer<typeof Basket>;

export const MemberContext = z.object({
  id: EntityId,
  levelId: EntityId,
  /** MM-DD or YYYY-MM-DD; null when the member did not give it. */
  birthday: z.string().regex(/^(?:\d{4}-)?\d{2}-\d{2}$/).nullable(),
});
export type MemberContext = z.infer<typeof MemberContext>;

/** A discount the cashier typed: on one line, or on the ticket when `lineId` is null. */
export const ManualDiscount = z
  .object({
    id: EntityId,
    lineId: EntityId.nullable(),
    kind: z.enum(['percent', 'amount']),
    /** Basis points for a percentage, minor units for an amount. */
    value: z.number().int().min(0).max(SALE_LIMITS.saleMinor),
    enteredBy: EntityId,
    reason: SafeText.max(120).nullable(),
  })
  .refine((d) => d.kind !== 'percent' || d.value <= 10_000, { message: 'a percentage is at most 10000 bp', path: ['value'] });
export type ManualDiscount = z.infer<typeof ManualDiscount>;

/** Cash rounding (抹零): to 1, 10 or 100 minor units, half up or always down. */
export const RoundingPolicy = z.object({
  unitMinor: z.union([z.literal(1), z.literal(10), z.literal(100)]),
  mode: z.enum(['half_up', 'down']),
});
export type RoundingPolicy = z.infer<typeof RoundingPolicy>;

export const PricingContext = z.object({
  storeId: EntityId,
  instant: IsoDateTime,
  timeZone: TimeZone,
  member: MemberContext.nullable(),
  vouchers: z.array(z.object({ code: z.string().min(1).max(64) })).max(20),
  manualDiscounts: z.array(ManualDiscount).max(100),
  rounding: RoundingPolicy,
});
export type PricingContext = z.infer<typeof PricingContext>;
