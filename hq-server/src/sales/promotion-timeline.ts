import { compileRules, type CompiledRules, type PromotionRule } from '@pos/shared';

export interface PromotionRevision {
  promotionId: string;
  active: boolean;
  rule: PromotionRule;
  /** Epoch milliseconds of the save that made this revision. */
  inForceFrom: number;
}

export interface PromotionTimeline {
  /** The active rules as they stood at an instant, compiled once for each stretch between saves. */
  rulesAt(instant: string): CompiledRules;
}

/** The number of saves at or before `at` in the ascending `times`. */
function savesUpTo(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The chain's promotions through time, from every revision oldest first. A sale is priced
 * with each promotion as its latest save before the sale left it, so editing a promotion
 * does not change how HQ judges sales made before the edit, however late they arrive.
 */
export function promotionTimeline(revisions: readonly PromotionRevision[]): PromotionTimeline {
  const times = revisions.map((r) => r.inForceFrom);
  const compiled = new Map<number, CompiledRules>();
  return {
    rulesAt(instant) {
      const saves = savesUpTo(times, Date.parse(instant));
      const known = compiled.get(saves);
      if (known) return known;
      const latest = new Map<string, PromotionRevision>();
      for (const revision of revisions.slice(0, saves)) latest.set(revision.promotionId, revision);
      const rules = compileRules([...latest.values()].filter((r) => r.active).map((r) => r.rule));
      compiled.set(saves, rules);
      return rules;
    },
  };
}
