import { z } from 'zod';
import { minor, type Minor } from '../../money/money';
import { prorate } from '../../money/prorate';
import { defineRule, type LineView } from '../define-rule';
import { LineScope, PercentBp } from '../rule-common.schemas';

/** How many of the first `position` units, ranked dearest first, are reward units. */
function rewardsBefore(position: number, buy: number, get: number): number {
  const size = buy + get;
  return Math.floor(position / size) * get + Math.max(0, (position % size) - buy);
}

/**
 * Units are ranked dearest first and taken in sets of buy + get; the `get` cheapest of
 * each set are the reward. This gives the customer the most a set-based deal can, and
 * adding a unit never lowers the reward. Equal prices: the later line is the reward. The
 * deal's reward is rounded once and split over its lines by largest remainder, so a unit
 * added cannot lose the customer a fen that rounding line by line would.
 */
export function buyNGetMDiscounts(
  views: readonly LineView[],
  { buy, get, rewardPercentBp, maxApplications }: { buy: number; get: number; rewardPercentBp: number; maxApplications: number | null },
): Minor[] {
  const cap = maxApplications === null ? Number.POSITIVE_INFINITY : maxApplications * (buy + get);
  const unitValue = (i: number) => views[i]!.remainingMinor / views[i]!.line.quantity;
  const order = views.map((_, i) => i).sort((a, b) => unitValue(b) - unitValue(a) || a - b);
  const rewardUnits = new Array<number>(views.length).fill(0);
  let position = 0;
  for (const i of order) {
    const end = position + views[i]!.line.quantity;
    rewardUnits[i] = rewardsBefore(Math.min(end, cap), buy, get) - rewardsBefore(Math.min(position, cap), buy, get);
    position = end;
  }
  const exact = views.map((view, i) => (view.remainingMinor * rewardUnits[i]! * rewardPercentBp) / (view.line.quantity * 10_000));
  return prorate(exact, minor(Math.round(exact.reduce((a, b) => a + b, 0))));
}

/**
 * 买N送M: buy `buy`, get `get` free (10000 bp) or at a percentage off. A scope of several
 * products, categories or brands makes it a mix-and-match group.
 */
export const buyNGetM = defineRule({
  kind: 'buy_n_get_m',
  args: z.object({
    scope: LineScope,
    buy: z.number().int().min(1).max(100),
    get: z.number().int().min(1).max(100),
    rewardPercentBp: PercentBp,
    maxApplications: z.number().int().min(1).nullable(),
  }),
  behave: ({ scope, ...deal }) => ({ stage: 'group', scope, discounts: (views) => buyNGetMDiscounts(views, deal) }),
});
