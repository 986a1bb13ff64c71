import { z } from 'zod';
import { minor, NonNegativeMinor } from '../../money/money';
import { defineRule } from '../define-rule';
import { LineScope } from '../rule-common.schemas';

const Tier = z.object({ minSpendMinor: NonNegativeMinor, offMinor: NonNegativeMinor });

/**
 * 满减: spend at least X in the scope, get Y off; the highest tier reached counts. With
 * `repeat` (每满), the tier's amount is given once for every X spent.
 */
export const spendThresholdOff = defineRule({
  kind: 'spend_threshold_off',
  args: z.object({ scope: LineScope, tiers: z.array(Tier).min(1), repeat: z.boolean() }),
  behave: ({ scope, tiers, repeat }) => ({
    stage: 'ticket',
    scope,
    evaluate: (measure, remaining) => {
      const tier = tiers.filter((t) => t.minSpendMinor <= measure).sort((a, b) => b.minSpendMinor - a.minSpendMinor)[0];
      if (!tier) return { discountMinor: minor(0), gifts: [] };
      const times = repeat && tier.minSpendMinor > 0 ? Math.floor(measure / tier.minSpendMinor) : 1;
      return { discountMinor: minor(Math.min(remaining, tier.offMinor * times)), gifts: [] };
    },
  }),
});
