import { z } from 'zod';
import { defineRule } from '../define-rule';
import { LineScope } from '../rule-common.schemas';

/** Points earned on the scope's lines are multiplied (20000 bp = double points); a line takes its highest multiplier. */
export const pointsMultiplier = defineRule({
  kind: 'points_multiplier',
  args: z.object({ scope: LineScope, multiplierBp: z.number().int().min(10_000).max(1_000_000) }),
  behave: ({ scope, multiplierBp }) => ({ stage: 'points', scope, multiplierBp }),
});
