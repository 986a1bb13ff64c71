import type { PromotionRule } from './rule-registry';
import type { ClockWindow } from './rule-common.schemas';

/** Something a rule says that its schema cannot see is wrong: a path inside the rule and why. */
export interface RuleInconsistency {
  path: (string | number)[];
  message: string;
}

/** Whether `YYYY-MM-DD…` names a day that exists. */
function isRealDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Where a validity bound falls, as comparable text: a bare `validTo` date runs to the end of that day. */
function boundAt(text: string, end: boolean): string {
  if (text.length === 10) return `${text}T${end ? '24:00:00' : '00:00:00'}`;
  return text.length === 16 ? `${text}:00` : text;
}

function dateProblems({ validFrom, validTo }: PromotionRule): RuleInconsistency[] {
  const problems: RuleInconsistency[] = [];
  if (validFrom && !isRealDay(validFrom)) problems.push({ path: ['validFrom'], message: 'is not a day in the calendar' });
  if (validTo && !isRealDay(validTo)) problems.push({ path: ['validTo'], message: 'is not a day in the calendar' });
  if (problems.length === 0 && validFrom && validTo && boundAt(validTo, true) <= boundAt(validFrom, false)) {
    problems.push({ path: ['validTo'], message: 'must be after validFrom' });
  }
  return problems;
}

const emptyWindows = (windows: readonly ClockWindow[], path: (string | number)[]): RuleInconsistency[] =>
  windows.flatMap((w, i) => (w.from === w.to ? [{ path: [...path, i, 'to'], message: 'must differ from `from`: the window would be empty' }] : []));

/** Tiers must rise: each threshold above the one before, and each reward above the one before. */
function tierProblems(tiers: readonly { minSpendMinor: number }[], reward: (tier: number) => number, rewardName: string): RuleInconsistency[] {
  return tiers.flatMap((tier, i) => {
    if (i === 0) return [];
    const problems: RuleInconsistency[] = [];
    if (tier.minSpendMinor <= tiers[i - 1]!.minSpendMinor) problems.push({ path: ['args', 'tiers', i, 'minSpendMinor'], message: 'must be more than the tier before' });
    if (reward(i) <= reward(i - 1)) problems.push({ path: ['args', 'tiers', i, rewardName], message: 'must be more than the tier before' });
    return problems;
  });
}

function argsProblems(rule: PromotionRule): RuleInconsistency[] {
  switch (rule.kind) {
    case 'happy_hour':
      return emptyWindows(rule.args.windows, ['args', 'windows']);
    case 'spend_threshold_off':
      return tierProblems(rule.args.tiers, (i) => rule.args.tiers[i]!.offMinor, 'offMinor');
    case 'spend_threshold_percent':
      return tierProblems(rule.args.tiers, (i) => rule.args.tiers[i]!.percentBp, 'percentBp');
    default:
      return [];
  }
}

/**
 * What a well-formed rule can still get wrong, for HQ to refuse when a promotion is saved: dates
 * that do not exist or end before they start, empty hour windows, tiers that do not rise.
 * Rules already stored are read without this check, so tills keep what they have.
 */
export function ruleInconsistencies(rule: PromotionRule): RuleInconsistency[] {
  return [...dateProblems(rule), ...emptyWindows(rule.hours, ['hours']), ...argsProblems(rule)];
}
