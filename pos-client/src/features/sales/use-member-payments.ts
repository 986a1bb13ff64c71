import { useState } from 'react';
import { minor, takeExact, uuidv7, type FoundMember, type Minor, type Settlement } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { cardEnquiry, giveBack, redeemPoints, spendStoredValue, type MoneyAnswer } from '../members/member-money';
import { maskCardNo } from '@pos/shared';
import type { OpenTicket } from './use-open-ticket';
import { isMemberCardPayment, type Ticket, type TicketPayment } from './ticket';

export type MemberTender = 'stored_value' | 'points';

/** What the member's card holds, as HQ last said. */
export type CardHoldings = Extract<Awaited<ReturnType<typeof cardEnquiry>>, { ok: true }>['value'];

export type TakeResult = { ok: true; settles: boolean } | { ok: false; code: string };

/**
 * Paying from the member's card (储值支付、积分抵现): the dialog open, what the card holds, and the
 * payment taken at HQ before it goes on the ticket, so a ticket never shows money HQ did not
 * take. A payment taken off the ticket is given back at HQ first. Each payment's id is made
 * once, so asking HQ again after a time-out never takes twice.
 */
export function useMemberPayments(open: OpenTicket, ticket: Ticket, settlement: Settlement, clerkId: string) {
  const services = useTillServices();
  const [dialog, setDialog] = useState<MemberTender | null>(null);
  const [holdings, setHoldings] = useState<MoneyAnswer<CardHoldings> | null>(null);
  const [busy, setBusy] = useState(false);
  const member = ticket.member;

  const newPaymentId = () => uuidv7(services.now().getTime(), services.randomBytes(10));

  async function enquire(of: FoundMember): Promise<void> {
    setHoldings(null);
    setHoldings(await cardEnquiry(services, of.cardNo));
  }

  /** Runs one call to HQ at a time, and refuses what cannot be paid before asking. */
  async function take(amountMinor: Minor, call: (paymentId: string, cardNo: string) => Promise<{ ok: true; payment: TicketPayment } | { ok: false; code: string }>): Promise<TakeResult> {
    if (!member) return { ok: false, code: 'MEMBER_NEEDED' };
    if (busy) return { ok: false, code: 'BUSY' };
    const fits = takeExact(settlement, amountMinor);
    if (!fits.ok) return fits;
    setBusy(true);
    try {
      const paid = await call(newPaymentId(), member.cardNo);
      if (!paid.ok) return paid;
      open.dispatch({ type: 'payment_taken', payment: paid.payment });
      setDialog(null);
      return { ok: true, settles: fits.settles };
    } finally {
      setBusy(false);
    }
  }

  const payment = (id: string, tender: MemberTender, amountMinor: Minor, card: TicketPayment['card']): TicketPayment =>
    ({ id, tender, amountMinor, tenderedMinor: null, reference: maskCardNo(card!.cardNo), declined: false, at: services.now().toISOString(), card });

  return {
    dialog,
    busy,
    holdings,
    /** Opens a tender's dialog and asks HQ what the card holds; without a member, the member dialog comes first. */
    open: (tender: MemberTender) => {
      if (!member) return false;
      setDialog(tender);
      void enquire(member);
      return true;
    },
    close: () => setDialog(null),
    payStoredValue: (amountMinor: Minor, pin: string | undefined) =>
      take(amountMinor, async (paymentId, cardNo) => {
        const answer = await spendStoredValue(services, { paymentId, cardNo, amountMinor, saleId: ticket.id, cashierId: clerkId, ...(pin ? { pin } : {}) });
        if (!answer.ok) {
          // No answer: HQ may have taken it. Give it back now, so a payment the ticket does not show is not left taken.
          if (answer.offline) void giveBack(services, { id: paymentId, tender: 'stored_value' });
          return answer;
        }
        return { ok: true, payment: payment(paymentId, 'stored_value', amountMinor, { cardNo, storedValueAfterMinor: answer.value.balanceAfterMinor }) };
      }),
    payPoints: (points: number, valueMinor: Minor) =>
      take(valueMinor, async (paymentId, cardNo) => {
        const answer = await redeemPoints(services, { paymentId, saleId: ticket.id, cardNo, points });
        if (!answer.ok) {
          if (answer.offline) void giveBack(services, { id: paymentId, tender: 'points' });
          return answer;
        }
        return { ok: true, payment: payment(paymentId, 'points', minor(answer.value.valueMinor), { cardNo, points: answer.value.points, pointsAfter: answer.value.balanceAfter }) };
      }),
    /** Gives a card payment back at HQ, then takes it off the ticket; answers why not when HQ did not give it back. */
    remove: async (p: TicketPayment): Promise<{ ok: true } | { ok: false; code: string }> => {
      if (!isMemberCardPayment(p)) return { ok: false, code: 'NOT_A_CARD_PAYMENT' };
      setBusy(true);
      try {
        const answer = await giveBack(services, p);
        if (!answer.ok) return answer;
        open.dispatch({ type: 'payment_removed', paymentId: p.id });
        return { ok: true };
      } finally {
        setBusy(false);
      }
    },
    /** Whether the ticket holds money from the member's card: the member stays, and voiding means giving it back first. */
    cardPaid: ticket.payments.some(isMemberCardPayment),
  };
}
