import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import type { RoundingPolicy } from '../promotions/promotions.schemas';
import { settlementOf, settlingRounding, takeCash, takeExact, type TakenTender } from './settlement';

const policyArbitrary = fc.record({
  unitMinor: fc.constantFrom(1, 10, 100) as fc.Arbitrary<RoundingPolicy['unitMinor']>,
  mode: fc.constantFrom('half_up', 'down') as fc.Arbitrary<RoundingPolicy['mode']>,
});

/** A cashier's attempt: cash of some amount, or a card for a share of what is left (sometimes too much). */
const attemptArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('cash' as const), amount: fc.integer({ min: 0, max: 30_000 }) }),
  fc.record({ kind: fc.constant('card' as const), share: fc.double({ min: 0, max: 1.2, noNaN: true }) }),
);

describe('tenders, whatever the order and amounts', () => {
  it('settle to the fen, round only a cash settlement, give change only from cash and never charge a card beyond the sale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), policyArbitrary, fc.array(attemptArbitrary, { maxLength: 12 }), (total, policy, attempts) => {
        const payments: TakenTender[] = [];
        for (const attempt of attempts) {
          const before = settlementOf(minor(total), payments, policy);
          if (before.settled) break;
          if (attempt.kind === 'cash') {
            const taken = takeCash(before, attempt.amount);
            if (taken.ok) payments.push(taken.payment);
          } else {
            const amount = Math.round(before.remainingMinor * attempt.share);
            const taken = takeExact(before, amount);
            expect(taken.ok).toBe(amount >= 1 && amount <= before.remainingMinor);
            if (taken.ok) payments.push({ tender: 'bank_card', amountMinor: amount, tenderedMinor: null });
          }
          const after = settlementOf(minor(total), payments, policy);
          expect(after.remainingMinor).toBeGreaterThanOrEqual(0);
          expect(after.overpaidMinor).toBe(0);
        }
        const end = settlementOf(minor(total), payments, policy);
        const paid = payments.reduce((sum, p) => sum + p.amountMinor, 0);
        expect(end.paidMinor).toBe(paid);
        const change = payments.reduce((sum, p) => sum + (p.tenderedMinor === null ? 0 : p.tenderedMinor - p.amountMinor), 0);
        expect(end.changeMinor).toBe(change);
        expect(payments.filter((p) => p.tender !== 'cash').every((p) => p.tenderedMinor === null)).toBe(true);
        // Change only from the cash that settled the sale.
        payments.slice(0, -1).forEach((p) => expect(p.tenderedMinor ?? p.amountMinor).toBe(p.amountMinor));
        if (!end.settled) {
          expect(end.roundingMinor).toBe(0);
          return;
        }
        expect(paid).toBe(total + end.roundingMinor);
        expect(Math.abs(end.roundingMinor)).toBeLessThan(policy.unitMinor);
        if (policy.mode === 'down') expect(end.roundingMinor).toBeLessThanOrEqual(0);
        if (payments.at(-1)!.tender !== 'cash') expect(end.roundingMinor).toBe(0);
        // HQ, reading the sale's payments in order, finds the same rounding.
        expect(settlingRounding(total, payments, policy)).toBe(end.roundingMinor);
      }),
      { numRuns: 500 },
    );
  });
});
