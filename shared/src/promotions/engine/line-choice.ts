import { minor } from '../../money/money';
import type { LineBehaviour } from '../define-rule';
import type { BasketLine } from '../promotions.schemas';
import type { CompiledRule } from './compile-rules';
import { compareRanks } from './shares';

/** Units of each one-line rule already given on this ticket, for unit limits (限量). */
export type UnitsUsed = Map<number, number>;

export interface LineChoice {
  readonly remaining: number;
  readonly applied: readonly { readonly rule: CompiledRule; readonly amount: number; readonly units: number }[];
}

function behaviourOf(rule: CompiledRule): LineBehaviour {
  if (rule.behaviour.stage !== 'line') throw new Error(`rule ${rule.id} is not a one-line rule`);
  return rule.behaviour;
}

/** Applies rules in rank order, each on what the ones before left: percentages compound. */
function applyInOrder(line: BasketLine, gross: number, rules: readonly CompiledRule[], used: UnitsUsed): LineChoice {
  let remaining = gross;
  const applied: { rule: CompiledRule; amount: number; units: number }[] = [];
  for (const rule of rules) {
    const behaviour = behaviourOf(rule);
    const left = behaviour.unitLimit === null ? line.quantity : behaviour.unitLimit - (used.get(rule.rank) ?? 0);
    const units = Math.min(line.quantity, left);
    if (units <= 0 || remaining <= 0) continue;
    const amount = Math.min(remaining, behaviour.discount({ line, remainingMinor: minor(remaining) }, units));
    if (amount <= 0) continue;
    remaining -= amount;
    applied.push({ rule, amount, units });
  }
  return { remaining, applied };
}

function isBetter(a: LineChoice, b: LineChoice): boolean {
  if (a.remaining !== b.remaining) return a.remaining < b.remaining;
  return compareRanks(a.applied.map((x) => x.rule.rank), b.applied.map((x) => x.rule.rank)) < 0;
}

/** The stackable rules plus, from each best-of group, the member worth most on its own here. */
function stackOf(line: BasketLine, gross: number, rules: readonly CompiledRule[], used: UnitsUsed, blocked: ReadonlySet<string>): readonly CompiledRule[] {
  if (rules.every((rule) => rule.combination === 'stackable')) return rules;
  const stack: CompiledRule[] = [];
  const best = new Map<string, { rule: CompiledRule; choice: LineChoice }>();
  for (const rule of rules) {
    if (rule.combination === 'stackable') stack.push(rule);
    if (rule.combination !== 'best_of' || rule.group === null || blocked.has(rule.group)) continue;
    const choice = applyInOrder(line, gross, [rule], used);
    const current = best.get(rule.group);
    if (!current || isBetter(choice, current.choice)) best.set(rule.group, { rule, choice });
  }
  for (const { rule } of best.values()) stack.push(rule);
  return stack.sort((a, b) => a.rank - b.rank);
}

/**
 * Chooses what a line gets in stage 2: one exclusive rule alone, or the stack of the
 * others, whichever leaves the customer paying least (ties: the higher-ranked rules).
 * An exclusive rule is not an option on a line a multi-line deal also covers.
 */
export function chooseForLine(
  line: BasketLine,
  gross: number,
  rules: readonly CompiledRule[],
  used: UnitsUsed,
  options: { readonly allowExclusive: boolean; readonly blockedGroups: ReadonlySet<string> },
): LineChoice {
  let best = applyInOrder(line, gross, stackOf(line, gross, rules, used, options.blockedGroups), used);
  if (!options.allowExclusive) return best;
  for (const rule of rules) {
    if (rule.combination !== 'exclusive') continue;
    const choice = applyInOrder(line, gross, [rule], used);
    if (isBetter(choice, best)) best = choice;
  }
  return best;
}

export function recordUnits(choice: LineChoice, used: UnitsUsed): void {
  for (const { rule, units } of choice.applied) {
    if (behaviourOf(rule).unitLimit !== null) used.set(rule.rank, (used.get(rule.rank) ?? 0) + units);
  }
}
