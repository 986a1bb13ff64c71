import { z } from 'zod';
import { NonNegativeMinor } from '../../money/money';
import { EntityId } from '../../pricing/pricing.schemas';
import { defineRule } from '../define-rule';
import { offerDiscount } from '../line-offer';
import { UnitLimit } from '../rule-common.schemas';

/**
 * 会员特价: a special unit price for members only. Which levels is the rule's
 * `memberLevelIds`; with none listed, every member.
 */
export const memberPrice = defineRule({
  kind: 'member_price',
  args: z.object({ productIds: z.array(EntityId).min(1), priceMinor: NonNegativeMinor, unitLimit: UnitLimit }),
  behave: ({ productIds, priceMinor, unitLimit }) => ({
    stage: 'line',
    scope: { productIds, categoryIds: [], brandIds: [] },
    unitLimit,
    isActive: (context) => context.member !== null,
    discount: (view, units) => offerDiscount({ type: 'fixed_price', priceMinor }, view, units),
  }),
});
