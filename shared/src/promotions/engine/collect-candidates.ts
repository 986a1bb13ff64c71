import type { RuleContext } from '../define-rule';
import type { BasketLine } from '../promotions.schemas';
import type { CompiledRule, CompiledRules } from './compile-rules';
import { isRuleActive } from './rule-activity';

/** A rule that runs now, with the basket lines in its scope, in basket order. */
export interface Candidate {
  readonly rule: CompiledRule;
  readonly lines: readonly number[];
}

export interface Candidates {
  /** Per line, the one-line rules (stage 2) that reach it, in rank order. */
  readonly perLine: CompiledRule[][];
  readonly groups: Candidate[];
  readonly tickets: Candidate[];
  readonly points: Candidate[];
}

const UNKNOWN = 0;
const ACTIVE = 1;
const INACTIVE = 2;

function addLine(byRank: Map<number, { rule: CompiledRule; lines: number[] }>, rule: CompiledRule, index: number): void {
  const candidate = byRank.get(rule.rank);
  if (candidate) candidate.lines.push(index);
  else byRank.set(rule.rank, { rule, lines: [index] });
}

/**
 * Looks the lines up in the rule index, so the cost follows the basket, not the number of
 * rules. Rules on every line are taken once, not once per line.
 */
export function collectCandidates(compiled: CompiledRules, lines: readonly BasketLine[], context: RuleContext): Candidates {
  const state = new Uint8Array(compiled.rules.length);
  const lastLine = new Int32Array(compiled.rules.length).fill(-1);
  const byRank = new Map<number, { rule: CompiledRule; lines: number[] }>();
  const perLine: CompiledRule[][] = lines.map(() => []);

  const visit = (rules: readonly CompiledRule[] | undefined, index: number) => {
    if (!rules) return;
    for (const rule of rules) {
      if (lastLine[rule.rank] === index) continue;
      lastLine[rule.rank] = index;
      if (state[rule.rank] === UNKNOWN) state[rule.rank] = isRuleActive(rule, context) ? ACTIVE : INACTIVE;
      if (state[rule.rank] === INACTIVE) continue;
      if (rule.behaviour.stage === 'line') perLine[index]!.push(rule);
      else addLine(byRank, rule, index);
    }
  };

  lines.forEach((line, index) => {
    visit(compiled.byProduct.get(line.productId), index);
    if (line.categoryId !== null) visit(compiled.byCategory.get(line.categoryId), index);
    for (const id of line.ancestorCategoryIds) visit(compiled.byCategory.get(id), index);
    if (line.brandId !== null) visit(compiled.byBrand.get(line.brandId), index);
  });
  const everyIndex = lines.map((_, i) => i);
  for (const rule of compiled.everyLine) {
    if (!isRuleActive(rule, context)) continue;
    if (rule.behaviour.stage === 'line') perLine.forEach((rules) => rules.push(rule));
    else byRank.set(rule.rank, { rule, lines: everyIndex });
  }
  for (const rules of perLine) rules.sort((a, b) => a.rank - b.rank);

  const all = [...byRank.values()].sort((a, b) => a.rule.rank - b.rule.rank);
  return {
    perLine,
    groups: all.filter((c) => c.rule.behaviour.stage === 'group'),
    tickets: all.filter((c) => c.rule.behaviour.stage === 'ticket'),
    points: all.filter((c) => c.rule.behaviour.stage === 'points'),
  };
}
