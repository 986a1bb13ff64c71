import { minor } from '../../money/money';
import type { GroupBehaviour } from '../define-rule';
import type { BasketLine } from '../promotions.schemas';
import type { Candidate } from './collect-candidates';
import type { CompiledRule } from './compile-rules';
import { chooseForLine, recordUnits, type LineChoice, type UnitsUsed } from './line-choice';
import { bestPlan, candidatePlans, withNarrowedForms } from './plan-search';
import { savingOf, type Share, type StageOutcome } from './shares';

export interface LineStageInput {
  readonly lines: readonly BasketLine[];
  readonly gross: readonly number[];
  readonly perLine: readonly (readonly CompiledRule[])[];
  readonly groups: readonly Candidate[];
}

const NO_GROUPS: ReadonlySet<string> = new Set();

function groupBehaviour(candidate: Candidate): GroupBehaviour {
  if (candidate.rule.behaviour.stage !== 'group') throw new Error(`rule ${candidate.rule.id} is not a multi-line rule`);
  return candidate.rule.behaviour;
}

function applyGroup(input: LineStageInput, candidate: Candidate, remaining: number[], shares: Share[]): void {
  const views = candidate.lines.map((i) => ({ line: input.lines[i]!, remainingMinor: minor(remaining[i]!) }));
  groupBehaviour(candidate).discounts(views).forEach((discount, k) => {
    const lineIndex = candidate.lines[k]!;
    const amount = Math.min(discount, remaining[lineIndex]!);
    if (amount <= 0) return;
    remaining[lineIndex]! -= amount;
    shares.push({ source: candidate.rule.source, lineIndex, amount });
  });
}

function hasUnitLimit(rules: readonly CompiledRule[]): boolean {
  return rules.some((r) => r.behaviour.stage === 'line' && r.behaviour.unitLimit !== null);
}

/**
 * A line's choice depends only on whether a deal covers it, unless it has a unit-limited
 * rule, whose units left depend on earlier lines; so plans share the other choices.
 */
interface ChoiceCache {
  readonly uncovered: (LineChoice | undefined)[];
  readonly covered: (LineChoice | undefined)[];
  readonly limited: boolean[];
}

function choiceFor(input: LineStageInput, cache: ChoiceCache, i: number, used: UnitsUsed, coveredBy: number, blocked: ReadonlySet<string> | undefined): LineChoice {
  const cacheable = !cache.limited[i] && blocked === undefined;
  const slot = coveredBy === 0 ? cache.uncovered : cache.covered;
  const cached = cacheable ? slot[i] : undefined;
  if (cached) return cached;
  const options = { allowExclusive: coveredBy === 0, blockedGroups: blocked ?? NO_GROUPS };
  const choice = chooseForLine(input.lines[i]!, input.gross[i]!, input.perLine[i]!, used, options);
  if (cacheable) slot[i] = choice;
  return choice;
}

function evaluatePlan(input: LineStageInput, plan: readonly Candidate[], cache: ChoiceCache): StageOutcome & { value: number } {
  const covered = new Uint8Array(input.lines.length);
  const blocked = new Map<number, Set<string>>();
  for (const { rule, lines } of plan) {
    for (const i of lines) {
      covered[i] = rule.combination === 'exclusive' ? 2 : Math.max(covered[i]!, 1);
      if (rule.combination === 'best_of' && rule.group !== null) blocked.set(i, (blocked.get(i) ?? new Set()).add(rule.group));
    }
  }
  const remaining = [...input.gross];
  const shares: Share[] = [];
  const used: UnitsUsed = new Map();
  input.lines.forEach((_, i) => {
    if (covered[i] === 2 || input.perLine[i]!.length === 0) return;
    const choice = choiceFor(input, cache, i, used, covered[i]!, blocked.get(i));
    recordUnits(choice, used);
    remaining[i] = choice.remaining;
    for (const { rule, amount } of choice.applied) shares.push({ source: rule.source, lineIndex: i, amount });
  });
  for (const candidate of plan) applyGroup(input, candidate, remaining, shares);
  return { remaining, shares, value: savingOf(input.gross, remaining) };
}

/**
 * Stage 2. One-line rules are chosen line by line; multi-line deals (buy N get M) are
 * chosen as a whole, trying the allowed combinations (and deals that compete for lines
 * without the lines the other takes), and apply after the one-line rules on what they
 * left. A deal that is exclusive keeps its lines to itself.
 */
export function runLineStage(input: LineStageInput): StageOutcome {
  const valueAlone = new Map<Candidate, number>();
  const worthAlone = (candidates: readonly Candidate[]) => {
    for (const candidate of candidates) {
      const remaining = [...input.gross];
      applyGroup(input, candidate, remaining, []);
      const value = savingOf(input.gross, remaining);
      if (value > 0) valueAlone.set(candidate, value);
    }
    return candidates.filter((c) => valueAlone.has(c));
  };
  const useful = worthAlone(withNarrowedForms(worthAlone(input.groups)));
  const cache: ChoiceCache = { uncovered: [], covered: [], limited: input.perLine.map(hasUnitLimit) };
  return bestPlan(candidatePlans(useful, valueAlone), (plan) => evaluatePlan(input, plan, cache));
}
