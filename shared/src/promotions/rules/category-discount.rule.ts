import { z } from 'zod';
import { EntityId } from '../../pricing/pricing.schemas';
import { defineRule } from '../define-rule';
import { offerDiscount } from '../line-offer';
import { Offer, UnitLimit } from '../rule-common.schemas';

/** An offer on every product in the listed categories or any category below them (品类折扣). */
export const categoryDiscount = defineRule({
  kind: 'category_discount',
  args: z.object({ categoryIds: z.array(EntityId).min(1), offer: Offer, unitLimit: UnitLimit }),
  behave: ({ categoryIds, offer, unitLimit }) => ({
    stage: 'line',
    scope: { productIds: [], categoryIds, brandIds: [] },
    unitLimit,
    discount: (view, units) => offerDiscount(offer, view, units),
  }),
});
