import { z } from 'zod';
import { minor, NonNegativeMinor } from '../../money/money';
import { EntityId } from '../../pricing/pricing.schemas';
import { defineRule } from '../define-rule';
import { LineScope } from '../rule-common.schemas';

/**
 * 满赠: spend at least X in the scope, get a gift product. `valueMinor` is what the gift is
 * worth to the customer, used to compare it with money off and to report its cost.
 */
export const spendGift = defineRule({
  kind: 'spend_gift',
  args: z.object({
    scope: LineScope,
    minSpendMinor: NonNegativeMinor,
    gift: z.object({ productId: EntityId, quantity: z.number().int().min(1).max(100), valueMinor: NonNegativeMinor }),
  }),
  behave: ({ scope, minSpendMinor, gift }) => ({
    stage: 'ticket',
    scope,
    evaluate: (measure) => ({
      discountMinor: minor(0),
      gifts: measure >= minSpendMinor ? [{ productId: gift.productId, quantity: gift.quantity, valueMinor: minor(gift.valueMinor) }] : [],
    }),
  }),
});
