import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyReturnHistory, Return, type ReturnHistory } from '../schemas/returns';
import type { Tender } from '../schemas/sales';
import { linePaidAmounts } from './line-refunds';
import { planRefund } from './plan-refund';
import { withReturns } from './return-history';
import { fixtureReturn, fixtureSale } from './testing/return-fixtures';

const lineArbitrary = fc
  .record({ unitPriceMinor: fc.integer({ min: 0, max: 20_000 }), quantity: fc.integer({ min: 1, max: 6 }), discountBp: fc.integer({ min: 0, max: 10_000 }) })
  .map(({ unitPriceMinor, quantity, discountBp }) => ({ unitPriceMinor, quantity, discountMinor: Math.floor((unitPriceMinor * quantity * discountBp) / 10_000) }));

/** A sale of 1–6 lines, its cash rounding, and its payment split over 1–4 tenders by weights. */
const saleArbitrary = fc
  .record({
    lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }),
    tenders: fc.array(fc.record({ tender: fc.constantFrom<Tender>('cash', 'bank_card', 'voucher', 'stored_value'), weight: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 4 }),
    rounding: fc.integer({ min: -9, max: 9 }),
  })
  .map(({ lines, tenders, rounding }) => {
    const total = lines.reduce((n, l) => n + l.unitPriceMinor * l.quantity - l.discountMinor, 0);
    const paid = Math.max(0, total + rounding);
    const weights = tenders.reduce((n, t) => n + t.weight, 0);
    const amounts = tenders.map((t) => Math.floor((paid * t.weight) / weights));
    amounts[0]! += paid - amounts.reduce((a, b) => a + b, 0);
    return fixtureSale(lines, tenders.map((t, i) => ({ tender: t.tender, amountMinor: amounts[i]! })), paid - total);
  });

/** Returns as rounds: in each, some units of some lines, in any order; the last round takes everything left. */
const roundsArbitrary = fc.array(fc.array(fc.record({ line: fc.nat(), units: fc.integer({ min: 1, max: 6 }) }), { maxLength: 4 }), { maxLength: 5 });

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('planRefund, for any sale and any partial returns', () => {
  it('never refunds a line or a tender more than it was paid, and refunds the whole sale exactly when everything comes back', () => {
    fc.assert(
      fc.property(saleArbitrary, roundsArbitrary, fc.constantFrom(1, 10, 100), fc.boolean(), (sale, rounds, unitMinor, vouchersAsCash) => {
        const rounding = { unitMinor: unitMinor as 1 | 10 | 100, mode: 'half_up' as const };
        const paidByLine = linePaidAmounts(sale);
        let history: ReturnHistory = emptyReturnHistory;
        const docs: Return[] = [];
        const left = () => new Map(sale.lines.map((l) => [l.id, l.quantity - (history.lines.find((h) => h.saleLineId === l.id)?.quantity ?? 0)]));
        const everything = () => [...left()].filter(([, n]) => n > 0).map(([saleLineId, quantity]) => ({ saleLineId, quantity }));
        const roundPicks = rounds.map((round) => () => {
          const remaining = left();
          const picks = new Map<string, number>();
          for (const { line, units } of round) {
            const target = sale.lines[line % sale.lines.length]!;
            const room = remaining.get(target.id)! - (picks.get(target.id) ?? 0);
            if (room > 0) picks.set(target.id, (picks.get(target.id) ?? 0) + Math.min(room, units));
          }
          return [...picks].map(([saleLineId, quantity]) => ({ saleLineId, quantity }));
        });
        for (const picksOf of [...roundPicks, everything]) {
          const picks = picksOf();
          if (picks.length === 0) continue;
          const plan = planRefund({ sale, history, picks, policy: { vouchersAsCash }, rounding });
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          const doc = fixtureReturn(sale, plan, docs.length + 1);
          expect(Return.safeParse(doc).success).toBe(true);
          docs.push(doc);
          history = withReturns(history, [doc]);
          for (const line of history.lines) expect(line.refundMinor).toBeLessThanOrEqual(paidByLine.get(line.saleLineId)!);
          for (const payment of sale.payments) {
            expect(history.payments.find((p) => p.salePaymentId === payment.id)?.amountMinor ?? 0).toBeLessThanOrEqual(payment.amountMinor);
          }
        }
        const refunded = sum(docs.flatMap((d) => d.refunds.map((r) => r.amountMinor)));
        expect(refunded).toBe(sum(sale.payments.map((p) => p.amountMinor)));
        for (const line of sale.lines) expect(history.lines.find((h) => h.saleLineId === line.id)?.refundMinor).toBe(paidByLine.get(line.id));
      }),
      { numRuns: 400 },
    );
  });
});
