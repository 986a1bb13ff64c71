import { minor, type Minor } from '../money/money';
import { cashRoundingDifference } from '../promotions/engine/cash-rounding';
import type { RoundingPolicy } from '../promotions/promotions.schemas';
import type { Tender } from '../schemas/sales';

/** A payment as far as the arithmetic of settling a sale goes, in the order it was taken. */
export interface TakenTender {
  tender: Tender;
  amountMinor: number;
  /** Cash handed over; only cash has it, and only cash gives change. */
  tenderedMinor: number | null;
}

/** Where a sale stands after the payments taken so far. */
export interface Settlement {
  /** The sale's total before cash rounding. */
  totalMinor: Minor;
  paidMinor: Minor;
  /** 抹零 of the sale: only when the last payment is cash and it settles what was left. */
  roundingMinor: Minor;
  /** What is left to pay by any tender but cash (to the fen). */
  remainingMinor: Minor;
  /** What cash would take to settle the rest: the remainder rounded to the chain's cash unit. */
  cashDueMinor: Minor;
  changeMinor: Minor;
  /** Paid in full, to the fen, with nothing beyond it. */
  settled: boolean;
  /** Paid beyond the total (the basket shrank after a card paid): a payment must be taken off. */
  overpaidMinor: Minor;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The rounding a sale with these payments carries: the chain's cash rounding of what was left
 * when the last payment was taken, if that payment is cash; none when a card or any other tender
 * settled it (they pay to the fen). A sale paid in cash alone rounds its whole total.
 */
export function settlingRounding(totalMinor: number, payments: readonly TakenTender[], policy: RoundingPolicy): Minor {
  const last = payments.at(-1);
  if (!last || last.tender !== 'cash') return minor(0);
  const before = totalMinor - sum(payments.slice(0, -1).map((p) => p.amountMinor));
  return before <= 0 ? minor(0) : minor(cashRoundingDifference(before, policy));
}

export function settlementOf(totalMinor: Minor, payments: readonly TakenTender[], policy: RoundingPolicy): Settlement {
  const paid = sum(payments.map((p) => p.amountMinor));
  const rounding = settlingRounding(totalMinor, payments, policy);
  // A cash payment that leaves something to pay was part of the sale, not what settled it.
  const roundingMinor = payments.length > 0 && paid === totalMinor + rounding ? rounding : minor(0);
  const due = totalMinor + roundingMinor;
  const remaining = Math.max(0, due - paid);
  return {
    totalMinor,
    paidMinor: minor(paid),
    roundingMinor,
    remainingMinor: minor(remaining),
    cashDueMinor: minor(remaining === 0 ? 0 : remaining + cashRoundingDifference(remaining, policy)),
    changeMinor: minor(sum(payments.map((p) => (p.tenderedMinor === null ? 0 : p.tenderedMinor - p.amountMinor)))),
    settled: payments.length > 0 && paid === due,
    overpaidMinor: minor(Math.max(0, paid - due)),
  };
}

export type CashTakeProblem = 'TENDERED_INVALID' | 'TENDERED_TOO_LOW' | 'ALREADY_PAID';

/** Cash handed over against what is left: the payment it makes, whether it settles the sale, or why it is refused. */
export type CashTake = { ok: true; payment: TakenTender & { tender: 'cash' }; settles: boolean } | { ok: false; code: CashTakeProblem };

/**
 * Cash handed over: at least the cash due settles the sale, its amount the cash due and the rest
 * change; less pays part of what is left, with no change. Cash between the exact remainder and
 * a cash due rounded up is refused: it would settle the sale without the rounding the chain asks.
 */
export function takeCash(settlement: Settlement, tenderedMinor: number): CashTake {
  if (!Number.isSafeInteger(tenderedMinor) || tenderedMinor < 0) return { ok: false, code: 'TENDERED_INVALID' };
  if (settlement.settled || settlement.overpaidMinor > 0) return { ok: false, code: 'ALREADY_PAID' };
  const due = settlement.cashDueMinor;
  if (tenderedMinor >= due) return { ok: true, settles: true, payment: { tender: 'cash', amountMinor: due, tenderedMinor } };
  if (tenderedMinor === 0 || tenderedMinor >= settlement.remainingMinor) return { ok: false, code: 'TENDERED_TOO_LOW' };
  return { ok: true, settles: false, payment: { tender: 'cash', amountMinor: tenderedMinor, tenderedMinor } };
}

export type ExactTakeProblem = 'AMOUNT_INVALID' | 'AMOUNT_OVER_REMAINING' | 'ALREADY_PAID';

/**
 * A tender that pays to the fen (bank card, and later stored value and points): at least one
 * fen and never more than what is left, so a card is never charged beyond the sale.
 */
export function takeExact(settlement: Settlement, amountMinor: number): { ok: true; settles: boolean } | { ok: false; code: ExactTakeProblem } {
  if (settlement.settled || settlement.overpaidMinor > 0) return { ok: false, code: 'ALREADY_PAID' };
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return { ok: false, code: 'AMOUNT_INVALID' };
  if (amountMinor > settlement.remainingMinor) return { ok: false, code: 'AMOUNT_OVER_REMAINING' };
  return { ok: true, settles: amountMinor === settlement.remainingMinor };
}
