import { z } from 'zod';
import { minor, NonNegativeMinor, scaleMinor } from '../../money/money';
import { defineRule } from '../define-rule';
import { LineScope, PercentBp } from '../rule-common.schemas';

const Tier = z.object({ minSpendMinor: NonNegativeMinor, percentBp: PercentBp });

/** 满折: spend at least X in the scope, get z % off what remains of it; the highest tier reached counts. */
export const spendThresholdPercent = defineRule({
  kind: 'spend_threshold_percent',
  args: z.object({ scope: LineScope, tiers: z.array(Tier).min(1) }),
  behave: ({ scope, tiers }) => ({
    stage: 'ticket',
    scope,
    evaluate: (measure, remaining) => {
      const tier = tiers.filter((t) => t.minSpendMinor <= measure).sort((a, b) => b.minSpendMinor - a.minSpendMinor)[0];
      return { discountMinor: tier ? scaleMinor(remaining, tier.percentBp, 10_000) : minor(0), gifts: [] };
    },
  }),
});
