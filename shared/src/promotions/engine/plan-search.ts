import type { Candidate } from './collect-candidates';
import { compareRanks } from './shares';

/** Up to this many rules, every allowed combination is tried; past it, a few strong ones. */
const EXACT_LIMIT = 5;
const SINGLES_LIMIT = 16;

function overlaps(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}

/**
 * Two rules may not both apply when they share a line and one is exclusive, or both are best-of
 * in one group; a rule applies once, so two forms of one rule never go together.
 */
export function conflicts(a: Candidate, b: Candidate): boolean {
  const x = a.rule;
  const y = b.rule;
  if (x === y) return true;
  const sameGroup = x.combination === 'best_of' && y.combination === 'best_of' && x.group === y.group;
  if (x.combination !== 'exclusive' && y.combination !== 'exclusive' && !sameGroup) return false;
  return overlaps(a.lines, b.lines);
}

/**
 * Deals that compete for lines also as each would run without the lines the other takes, so
 * the line both want goes to one of them and the other keeps the rest: one more item in the
 * scope of two deals does not cost the customer one of them. In rank order, whole forms first.
 * Past the few deals searched exactly, the deals stay whole: a big basket keeps its speed.
 */
export function withNarrowedForms(candidates: readonly Candidate[]): Candidate[] {
  const forms = [...candidates];
  if (candidates.length > EXACT_LIMIT) return forms;
  const seen = new Set(candidates.map((c) => `${c.rule.rank}:${c.lines.join(',')}`));
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b || !conflicts(a, b)) continue;
      const lines = a.lines.filter((i) => !b.lines.includes(i));
      const key = `${a.rule.rank}:${lines.join(',')}`;
      if (lines.length === 0 || seen.has(key)) continue;
      seen.add(key);
      forms.push({ rule: a.rule, lines });
    }
  }
  return forms.sort((a, b) => a.rule.rank - b.rule.rank || b.lines.length - a.lines.length);
}

function allowedSubsets(candidates: readonly Candidate[]): Candidate[][] {
  const plans: Candidate[][] = [[]];
  for (const candidate of candidates) {
    const extended = plans.filter((plan) => plan.every((other) => !conflicts(candidate, other))).map((plan) => [...plan, candidate]);
    plans.push(...extended);
  }
  return plans;
}

function greedy(order: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  for (const candidate of order) if (chosen.every((other) => !conflicts(candidate, other))) chosen.push(candidate);
  return chosen.sort((a, b) => a.rule.rank - b.rule.rank);
}

/**
 * The combinations worth evaluating: all allowed ones for a few rules; otherwise none, each
 * rule alone, and the greedy combinations by value and by rank. Candidates come in rank order.
 */
export function candidatePlans(candidates: readonly Candidate[], valueAlone: ReadonlyMap<Candidate, number>): Candidate[][] {
  if (candidates.length <= EXACT_LIMIT) return allowedSubsets(candidates);
  const plans: Candidate[][] = [[]];
  if (candidates.length <= SINGLES_LIMIT) plans.push(...candidates.map((c) => [c]));
  const byValue = [...candidates].sort((a, b) => (valueAlone.get(b) ?? 0) - (valueAlone.get(a) ?? 0) || a.rule.rank - b.rule.rank);
  const byRank = greedy(candidates);
  const best = greedy(byValue);
  plans.push(best);
  if (byRank.some((c, i) => c !== best[i]) || byRank.length !== best.length) plans.push(byRank);
  return plans;
}

/** Evaluates each plan and keeps the one worth most to the customer; ties go to the higher-ranked rules. */
export function bestPlan<R extends { readonly value: number }>(plans: readonly Candidate[][], evaluate: (plan: readonly Candidate[]) => R): R {
  let best: { result: R; ranks: number[] } | null = null;
  for (const plan of plans) {
    const result = evaluate(plan);
    const ranks = plan.map((c) => c.rule.rank);
    if (!best || result.value > best.result.value || (result.value === best.result.value && compareRanks(ranks, best.ranks) < 0)) {
      best = { result, ranks };
    }
  }
  if (!best) throw new Error('no plan to evaluate');
  return best.result;
}
