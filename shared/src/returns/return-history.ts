import { minor } from '../money/money';
import type { Return, ReturnHistory } from '../schemas/returns';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Adds returns to what a sale's history already holds, skipping those it counts: the till adds
 * its own journal's returns to HQ's answer, so a return not yet pushed still counts once.
 */
export function withReturns(history: ReturnHistory, returns: readonly Return[]): ReturnHistory {
  const known = new Set(history.returnIds);
  const added = returns.filter((r) => !known.has(r.id));
  if (added.length === 0) return history;
  const lines = new Map(history.lines.map((l) => [l.saleLineId, { ...l }]));
  const payments = new Map(history.payments.map((p) => [p.salePaymentId, { ...p }]));
  for (const doc of added) {
    for (const line of doc.lines) {
      if (line.saleLineId === null) continue;
      const row = lines.get(line.saleLineId) ?? { saleLineId: line.saleLineId, quantity: 0, refundMinor: minor(0) };
      lines.set(line.saleLineId, { ...row, quantity: row.quantity + line.quantity, refundMinor: minor(row.refundMinor + line.refundMinor) });
    }
    for (const refund of doc.refunds) {
      if (refund.salePaymentId === null) continue;
      const row = payments.get(refund.salePaymentId) ?? { salePaymentId: refund.salePaymentId, amountMinor: minor(0) };
      payments.set(refund.salePaymentId, { ...row, amountMinor: minor(row.amountMinor + refund.amountMinor) });
    }
  }
  const owed = sum(added.map((d) => sum(d.lines.map((l) => l.refundMinor)) - d.clawbackMinor));
  const settled = sum(added.map((d) => sum(d.refunds.map((r) => r.amountMinor)) + d.creditMinor));
  return {
    returnIds: [...history.returnIds, ...added.map((d) => d.id)],
    lines: [...lines.values()],
    payments: [...payments.values()],
    owedMinor: minor(history.owedMinor + owed),
    settledMinor: minor(history.settledMinor + settled),
  };
}

/** How many units of each sale line are still to come back. */
export function unitsLeft(lines: readonly { id: string; quantity: number }[], history: ReturnHistory): Map<string, number> {
  const back = new Map(history.lines.map((l) => [l.saleLineId, l.quantity]));
  return new Map(lines.map((l) => [l.id, Math.max(0, l.quantity - (back.get(l.id) ?? 0))]));
}
