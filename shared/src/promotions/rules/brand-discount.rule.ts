import { z } from 'zod';
import { EntityId } from '../../pricing/pricing.schemas';
import { defineRule } from '../define-rule';
import { offerDiscount } from '../line-offer';
import { Offer, UnitLimit } from '../rule-common.schemas';

/** An offer on every product of the listed brands. */
export const brandDiscount = defineRule({
  kind: 'brand_discount',
  args: z.object({ brandIds: z.array(EntityId).min(1), offer: Offer, unitLimit: UnitLimit }),
  behave: ({ brandIds, offer, unitLimit }) => ({
    stage: 'line',
    scope: { productIds: [], categoryIds: [], brandIds },
    unitLimit,
    discount: (view, units) => offerDiscount(offer, view, units),
  }),
});
