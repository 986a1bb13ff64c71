import { prorate } from '../money/prorate';
import { minor, type Minor } from '../money/money';
import { cashRoundingDifference } from '../promotions/engine/cash-rounding';
import type { RoundingPolicy } from '../promotions/promotions.schemas';
import type { ReturnHistory, ReturnPolicy } from '../schemas/returns';
import type { Sale, Tender } from '../schemas/sales';
import { linePaidAmounts, unitsRefund } from './line-refunds';

export interface ReturnPick {
  saleLineId: string;
  quantity: number;
}

export interface RefundInput {
  sale: Pick<Sale, 'lines' | 'payments' | 'roundingMinor'>;
  /** What earlier returns took, as far as the caller knows (the till's own journal, or HQ's answer). */
  history: ReturnHistory;
  picks: readonly ReturnPick[];
  /** Promotion benefit the kept goods no longer earn (`promotionClawback`); capped at what the lines refund. */
  clawbackMinor?: Minor;
  /** An exchange's goods going out, as priced. */
  outMinor?: Minor;
  policy: Pick<ReturnPolicy, 'vouchersAsCash'>;
  /** The chain's cash unit; refunds are rounded down to it, payments as a sale's. */
  rounding: RoundingPolicy;
}

export interface PlannedRefund {
  salePaymentId: string;
  tender: Tender;
  amountMinor: Minor;
  reference: string | null;
}

export interface RefundPlan {
  lines: { saleLineId: string; quantity: number; refundMinor: Minor }[];
  backMinor: Minor;
  clawbackMinor: Minor;
  outMinor: Minor;
  creditMinor: Minor;
  refunds: PlannedRefund[];
  /** What the customer pays for an exchange, cash-rounded. */
  payMinor: Minor;
  /** The return document's rounding: refunds less payments minus (back − claw-back − out). */
  roundingMinor: Minor;
  /** Everything of the sale has now come back. */
  complete: boolean;
}

export type RefundPlanError = 'NOTHING_PICKED' | 'UNKNOWN_LINE' | 'OVER_RETURN';
export type RefundPlanResult = ({ ok: true } & RefundPlan) | { ok: false; code: RefundPlanError; saleLineId?: string };

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A cash refund is rounded down to the chain's unit, so a partial return never pays out more than it owes; the last return pays the rest. */
const cashDown = (amount: number, unit: number) => Math.floor(amount / unit) * unit;

/**
 * Plans the money of a return against a sale. Each unit back refunds its share of its line as
 * paid (`unitsRefund`), less any promotion claw-back; what is owed goes first towards an
 * exchange's goods, and the rest back to the sale's tenders in proportion to what each still
 * holds (paid minus earlier refunds), so no tender gets back more than it paid. A voucher goes
 * back as a voucher unless the chain pays vouchers out as cash. Cash refunds are rounded down to
 * the chain's unit and the last return, when everything has come back, settles to the fen:
 * returning a whole sale in any number of returns refunds exactly what it took.
 */
export function planRefund(input: RefundInput): RefundPlanResult {
  const { sale, history } = input;
  const picks = input.picks.filter((p) => p.quantity > 0);
  if (picks.length === 0) return { ok: false, code: 'NOTHING_PICKED' };
  const paidByLine = linePaidAmounts(sale);
  const returnedBefore = new Map(history.lines.map((l) => [l.saleLineId, l.quantity]));
  const lines: RefundPlan['lines'] = [];
  for (const pick of picks) {
    const line = sale.lines.find((l) => l.id === pick.saleLineId);
    if (!line) return { ok: false, code: 'UNKNOWN_LINE', saleLineId: pick.saleLineId };
    const before = returnedBefore.get(line.id) ?? 0;
    if (!Number.isInteger(pick.quantity) || before + pick.quantity > line.quantity) return { ok: false, code: 'OVER_RETURN', saleLineId: line.id };
    lines.push({ saleLineId: line.id, quantity: pick.quantity, refundMinor: unitsRefund(paidByLine.get(line.id)!, line.quantity, before, pick.quantity) });
  }
  const picked = new Map(picks.map((p) => [p.saleLineId, p.quantity]));
  const complete = sale.lines.every((l) => (returnedBefore.get(l.id) ?? 0) + (picked.get(l.id) ?? 0) >= l.quantity);

  const back = sum(lines.map((l) => l.refundMinor));
  const clawback = Math.min(back, Math.max(0, input.clawbackMinor ?? 0));
  const out = input.outMinor ?? 0;
  // Rounding earlier cash refunds held back is still owed to the customer.
  const carried = Math.max(0, history.owedMinor - history.settledMinor);
  const owed = back - clawback + carried;
  const credit = Math.min(owed, out);
  const refunds = refundsToTenders(input, owed - credit, complete);
  if (!refunds) return { ok: false, code: 'OVER_RETURN' };
  const due = out - credit;
  const payMinor = due + (due > 0 ? cashRoundingDifference(due, input.rounding) : 0);
  const refunded = sum(refunds.map((r) => r.amountMinor));
  return {
    ok: true, lines, complete,
    backMinor: minor(back), clawbackMinor: minor(clawback), outMinor: minor(out), creditMinor: minor(credit),
    refunds, payMinor: minor(payMinor),
    roundingMinor: minor(refunded - payMinor - (back - clawback - out)),
  };
}

/** Spreads `amount` over the sale's payments by what each still holds; null when they hold less than that. */
function refundsToTenders(input: RefundInput, amount: number, complete: boolean): PlannedRefund[] | null {
  const { sale, history, policy, rounding } = input;
  const taken = new Map(history.payments.map((p) => [p.salePaymentId, p.amountMinor]));
  const holds = sale.payments.map((p) => Math.max(0, p.amountMinor - (taken.get(p.id) ?? 0)));
  if (amount > sum(holds)) return null;
  if (amount <= 0) return [];
  const parts = prorate(holds, minor(amount));
  return sale.payments.flatMap((payment, i) => {
    const tender: Tender = payment.tender === 'voucher' && policy.vouchersAsCash ? 'cash' : payment.tender;
    const exact = parts[i]!;
    const amountMinor = minor(tender === 'cash' && !complete ? cashDown(exact, rounding.unitMinor) : exact);
    return amountMinor > 0 ? [{ salePaymentId: payment.id, tender, amountMinor, reference: payment.tender === 'bank_card' ? payment.reference : null }] : [];
  });
}

/**
 * The money of a return without a receipt (无小票退货): the goods back are refunded at the price
 * they sell for now, in cash (no tender to go back to), rounded down to the chain's cash unit;
 * an exchange's goods out are paid from it first.
 */
export function planWithoutReceipt(backMinor: Minor, outMinor: Minor, rounding: RoundingPolicy): Pick<RefundPlan, 'creditMinor' | 'payMinor' | 'roundingMinor'> & { cashMinor: Minor } {
  const credit = Math.min(backMinor, outMinor);
  const cash = cashDown(backMinor - credit, rounding.unitMinor);
  const due = outMinor - credit;
  const pay = due + (due > 0 ? cashRoundingDifference(due, rounding) : 0);
  return { creditMinor: minor(credit), cashMinor: minor(cash), payMinor: minor(pay), roundingMinor: minor(cash - pay - (backMinor - outMinor)) };
}
