import { minor, type Minor } from '../../money/money';
import type { RuleContext } from '../define-rule';
import type { BasketLine } from '../promotions.schemas';
import type { CompiledRule, CompiledRules } from './compile-rules';
import { inScope, isRuleActive } from './rule-activity';
import type { Share } from './shares';
import { spread, type TicketAmount } from './ticket-stage';

export type VoucherStatus =
  | 'applied'
  | 'duplicate'
  | 'unknown_code'
  | 'not_valid_now'
  | 'limit_reached'
  | 'min_spend_not_met'
  | 'nothing_to_discount';

export interface VoucherResult {
  readonly code: string;
  readonly status: VoucherStatus;
  readonly ruleId: string | null;
  readonly amountMinor: Minor;
}

interface VoucherInput {
  readonly compiled: CompiledRules;
  readonly lines: readonly BasketLine[];
  readonly context: RuleContext;
  readonly codes: readonly string[];
}

function sumOver(values: readonly number[], indices: readonly number[]): number {
  return indices.reduce((sum, i) => sum + values[i]!, 0);
}

function redeem(input: VoucherInput, rule: CompiledRule, code: string, before: readonly number[], remaining: number[], shares: Share[]): VoucherResult {
  const result = (status: VoucherStatus, amount = 0): VoucherResult => ({ code, status, ruleId: rule.id, amountMinor: minor(amount) });
  if (rule.behaviour.stage !== 'voucher') return result('unknown_code');
  const { scope, minSpendMinor, faceValueMinor } = rule.behaviour;
  const eligible = input.lines.flatMap((line, i) => (inScope(scope, line) ? [i] : []));
  if (sumOver(before, eligible) < minSpendMinor) return result('min_spend_not_met');
  const amount = Math.min(faceValueMinor, sumOver(remaining, eligible));
  if (amount <= 0) return result('nothing_to_discount');
  spread({ ...rule.source, reference: code }, eligible, amount, remaining, shares);
  return result('applied', amount);
}

/**
 * Stage 4: each presented code once, in the order presented. The minimum spend is measured
 * on the net before any voucher; a voucher takes off at most what is left of its scope.
 */
export function runVoucherStage(input: VoucherInput, remaining: number[], shares: Share[], amounts: TicketAmount[]): VoucherResult[] {
  const before = [...remaining];
  const seen = new Set<string>();
  const redeemed = new Map<number, number>();
  return input.codes.map((code) => {
    if (seen.has(code)) return { code, status: 'duplicate', ruleId: null, amountMinor: minor(0) };
    seen.add(code);
    const rules = input.compiled.vouchersByCode.get(code);
    if (!rules) return { code, status: 'unknown_code', ruleId: null, amountMinor: minor(0) };
    const rule = rules.find((r) => isRuleActive(r, input.context));
    if (!rule) return { code, status: 'not_valid_now', ruleId: rules[0]!.id, amountMinor: minor(0) };
    const count = redeemed.get(rule.rank) ?? 0;
    const max = rule.behaviour.stage === 'voucher' ? rule.behaviour.maxPerTicket : 0;
    if (count >= max) return { code, status: 'limit_reached', ruleId: rule.id, amountMinor: minor(0) };
    const result = redeem(input, rule, code, before, remaining, shares);
    if (result.status === 'applied') {
      redeemed.set(rule.rank, count + 1);
      amounts.push({ source: { ...rule.source, reference: code }, amount: result.amountMinor });
    }
    return result;
  });
}
