import type { Candidate } from './collect-candidates';

export const BASE_POINTS_BP = 10_000;

/** Each line's points multiplier: the highest of the rules that reach it, else 1×. */
export function pointsMultipliers(lineCount: number, candidates: readonly Candidate[]): number[] {
  const multipliers = new Array<number>(lineCount).fill(BASE_POINTS_BP);
  for (const { rule, lines } of candidates) {
    if (rule.behaviour.stage !== 'points') continue;
    for (const i of lines) multipliers[i] = Math.max(multipliers[i]!, rule.behaviour.multiplierBp);
  }
  return multipliers;
}
