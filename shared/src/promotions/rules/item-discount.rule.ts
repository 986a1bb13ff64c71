import { z } from 'zod';
import { EntityId } from '../../pricing/pricing.schemas';
import { defineRule } from '../define-rule';
import { offerDiscount } from '../line-offer';
import { Offer, UnitLimit } from '../rule-common.schemas';

/** Percent off, amount off or a fixed price on listed products (单品促销). */
export const itemDiscount = defineRule({
  kind: 'item_discount',
  args: z.object({ productIds: z.array(EntityId).min(1), offer: Offer, unitLimit: UnitLimit }),
  behave: ({ productIds, offer, unitLimit }) => ({
    stage: 'line',
    scope: { productIds, categoryIds: [], brandIds: [] },
    unitLimit,
    discount: (view, units) => offerDiscount(offer, view, units),
  }),
});
