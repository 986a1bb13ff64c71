import { minor, prorate } from '../../money';
import type { GiftGrant, TicketBehaviour } from '../define-rule';
import type { Candidate } from './collect-candidates';
import type { CompiledRule } from './compile-rules';
import { bestPlan, candidatePlans } from './plan-search';
import type { AdjustmentSource, Share, StageOutcome } from './shares';

export interface TicketAmount {
  readonly source: AdjustmentSource;
  readonly amount: number;
}

export interface Gift {
  readonly rule: CompiledRule;
  readonly grant: GiftGrant;
}

export interface TicketOutcome extends StageOutcome {
  readonly amounts: TicketAmount[];
  readonly gifts: Gift[];
  readonly value: number;
}

function ticketBehaviour(candidate: Candidate): TicketBehaviour {
  if (candidate.rule.behaviour.stage !== 'ticket') throw new Error(`rule ${candidate.rule.id} is not a ticket rule`);
  return candidate.rule.behaviour;
}

function sumOver(values: readonly number[], indices: readonly number[]): number {
  let sum = 0;
  for (const i of indices) sum += values[i]!;
  return sum;
}

/** Spreads an amount over lines by what remains of each, largest remainder, so no line goes below zero. */
export function spread(source: AdjustmentSource, lines: readonly number[], amount: number, remaining: number[], shares: Share[]): void {
  const parts = prorate(lines.map((i) => remaining[i]!), minor(amount));
  parts.forEach((part, k) => {
    if (part === 0) return;
    const lineIndex = lines[k]!;
    remaining[lineIndex]! -= part;
    shares.push({ source, lineIndex, amount: part });
  });
}

function evaluatePlan(before: readonly number[], plan: readonly Candidate[]): TicketOutcome {
  const remaining = [...before];
  const shares: Share[] = [];
  const amounts: TicketAmount[] = [];
  const gifts: Gift[] = [];
  let value = 0;
  for (const candidate of plan) {
    const left = sumOver(remaining, candidate.lines);
    const result = ticketBehaviour(candidate).evaluate(minor(sumOver(before, candidate.lines)), minor(left));
    const amount = Math.min(result.discountMinor, left);
    if (amount > 0) {
      spread(candidate.rule.source, candidate.lines, amount, remaining, shares);
      amounts.push({ source: candidate.rule.source, amount });
    }
    for (const grant of result.gifts) gifts.push({ rule: candidate.rule, grant });
    value += amount + result.gifts.reduce((sum, g) => sum + g.valueMinor, 0);
  }
  return { remaining, shares, amounts, gifts, value };
}

/**
 * Stage 3: thresholds and gifts, measured on each scope's net after stage 2; percentages
 * apply to what remains. The allowed combination worth most (money off plus gift value) wins.
 */
export function runTicketStage(before: readonly number[], tickets: readonly Candidate[]): TicketOutcome {
  const valueAlone = new Map<Candidate, number>();
  for (const candidate of tickets) {
    const measure = minor(sumOver(before, candidate.lines));
    const result = ticketBehaviour(candidate).evaluate(measure, measure);
    const value = Math.min(result.discountMinor, measure) + result.gifts.reduce((sum, g) => sum + g.valueMinor, 0);
    if (value > 0) valueAlone.set(candidate, value);
  }
  const useful = tickets.filter((c) => valueAlone.has(c));
  return bestPlan(candidatePlans(useful, valueAlone), (plan) => evaluatePlan(before, plan));
}
