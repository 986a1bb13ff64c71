import { useState } from 'react';
import { CardNo, maskCardNo, minor, takeExact, uuidv7, type Minor, type Settlement } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useCardSwipes } from '../../bridge/use-bridge';
import { cardEnquiry, giveBack, redeemPoints, spendStoredValue, type MoneyAnswer } from '../members/member-money';
import { offlineRoom, unsettledOfflinePayments } from '../members/offline-allowance';
import type { OpenTicket } from './use-open-ticket';
import { isMemberCardPayment, type Ticket, type TicketPayment } from './ticket';

export type MemberTender = 'stored_value' | 'points';

/** What the member's card holds, as HQ last said. */
export type CardHoldings = Extract<Awaited<ReturnType<typeof cardEnquiry>>, { ok: true }>['value'];

export type TakeResult = { ok: true; settles: boolean } | { ok: false; code: string; params?: Record<string, string | number> };

type Taken = { ok: true; payment: TicketPayment } | { ok: false; code: string; params?: Record<string, string | number> };

/**
 * Paying from a member's card (储值支付、积分抵现): the ticket's member's card, or one swiped or
 * typed in the dialog; what it holds; and the payment taken at HQ before it goes on the ticket,
 * so a ticket never shows money HQ did not take. With HQ out of reach, stored value is taken
 * offline only within the chain's allowance (离线储值), under the same payment id, which HQ
 * debits once when the sale arrives. A payment taken off the ticket is given back at HQ first.
 */
export function useMemberPayments(open: OpenTicket, ticket: Ticket, settlement: Settlement, clerkId: string) {
  const services = useTillServices();
  const [dialog, setDialog] = useState<MemberTender | null>(null);
  const [cardNo, setCardNo] = useState('');
  const [holdings, setHoldings] = useState<MoneyAnswer<CardHoldings> | null>(null);
  const [busy, setBusy] = useState(false);

  const newPaymentId = () => uuidv7(services.now().getTime(), services.randomBytes(10));
  const validCard = (value: string) => CardNo.safeParse(value).success;

  async function enquire(of: string): Promise<void> {
    setHoldings(null);
    if (validCard(of)) setHoldings(await cardEnquiry(services, of));
  }

  function chooseCard(value: string): void {
    setCardNo(value);
    void enquire(value);
  }

  useCardSwipes(services.bridge, (card) => (dialog !== null && card ? chooseCard(card.number) : undefined));

  /** What an answer says of the connection, for the status bar. */
  function noteConnection(answer: MoneyAnswer<unknown>): void {
    if (answer.ok || !answer.offline) services.sync.noteConnection('online');
    else services.sync.noteConnection('offline');
  }

  /** Runs one call to HQ at a time, and refuses what cannot be paid before asking. */
  async function take(amountMinor: Minor, call: (paymentId: string) => Promise<Taken>): Promise<TakeResult> {
    if (!validCard(cardNo)) return { ok: false, code: 'MEMBER_CODE_INVALID' };
    if (busy) return { ok: false, code: 'BUSY' };
    const fits = takeExact(settlement, amountMinor);
    if (!fits.ok) return fits;
    setBusy(true);
    try {
      const paid = await call(newPaymentId());
      if (!paid.ok) return paid;
      open.dispatch({ type: 'payment_taken', payment: paid.payment });
      setDialog(null);
      return { ok: true, settles: fits.settles };
    } finally {
      setBusy(false);
    }
  }

  const payment = (id: string, tender: MemberTender, amountMinor: Minor, card: NonNullable<TicketPayment['card']>, offline = false): TicketPayment => ({
    id, tender, amountMinor, tenderedMinor: null, reference: maskCardNo(card.cardNo), declined: false, at: services.now().toISOString(), card,
    ...(offline ? { offlineCardNo: card.cardNo } : {}),
  });

  /** HQ did not answer: within the chain's allowance the payment is taken offline under the same id; beyond it, given back and refused. */
  async function offline(paymentId: string, amountMinor: Minor): Promise<Taken> {
    const allowance = await services.db.getMeta('offlineAllowance');
    const unsettled = [...(await unsettledOfflinePayments(services.db)), ...ticket.payments.filter((p) => !p.declined)];
    const room = offlineRoom(allowance, unsettled, cardNo);
    if (amountMinor <= room) return { ok: true, payment: payment(paymentId, 'stored_value', amountMinor, { cardNo }, true) };
    void giveBack(services, { id: paymentId, tender: 'stored_value' });
    const onlineOnly = !allowance || allowance.cardMinor === 0 || allowance.tillMinor === 0;
    return onlineOnly ? { ok: false, code: 'STORED_VALUE_OFFLINE' } : { ok: false, code: 'OFFLINE_ALLOWANCE_EXCEEDED', params: { amount: room } };
  }

  return {
    dialog,
    busy,
    cardNo,
    holdings,
    /** A card swiped or typed in the dialog, for a customer whose membership was not looked up (as when HQ cannot be reached). */
    setCardNo: (value: string) => {
      setCardNo(value.replace(/\D/g, '').slice(0, 19));
      setHoldings(null);
    },
    enquire: () => enquire(cardNo),
    /** Opens a tender's dialog with the ticket's member's card, and asks HQ what it holds. */
    open: (tender: MemberTender) => {
      setDialog(tender);
      chooseCard(ticket.member?.cardNo ?? '');
    },
    close: () => setDialog(null),
    payStoredValue: (amountMinor: Minor, pin: string | undefined) =>
      take(amountMinor, async (paymentId) => {
        const answer = await spendStoredValue(services, { paymentId, cardNo, amountMinor, saleId: ticket.id, cashierId: clerkId, ...(pin ? { pin } : {}) });
        noteConnection(answer);
        if (answer.ok) return { ok: true, payment: payment(paymentId, 'stored_value', amountMinor, { cardNo, storedValueAfterMinor: answer.value.balanceAfterMinor }) };
        return answer.offline ? offline(paymentId, amountMinor) : answer;
      }),
    payPoints: (points: number, valueMinor: Minor) =>
      take(valueMinor, async (paymentId) => {
        const answer = await redeemPoints(services, { paymentId, saleId: ticket.id, cardNo, points });
        noteConnection(answer);
        if (!answer.ok) {
          // No answer: HQ may have taken them. Give them back now, so points the ticket does not show are not left taken.
          if (answer.offline) void giveBack(services, { id: paymentId, tender: 'points' });
          return answer;
        }
        return { ok: true, payment: payment(paymentId, 'points', minor(answer.value.valueMinor), { cardNo, points: answer.value.points, pointsAfter: answer.value.balanceAfter }) };
      }),
    /**
     * Gives a card payment back at HQ, then takes it off the ticket; answers why not when HQ did
     * not give it back. One taken offline never reached HQ: it comes off even while HQ is away.
     */
    remove: async (p: TicketPayment): Promise<{ ok: true } | { ok: false; code: string }> => {
      if (!isMemberCardPayment(p)) return { ok: false, code: 'NOT_A_CARD_PAYMENT' };
      setBusy(true);
      try {
        const answer = await giveBack(services, p);
        const gone = answer.ok || (p.offlineCardNo !== undefined && (answer.offline || answer.code === 'NOT_FOUND'));
        if (!gone) return answer.ok ? { ok: true } : { ok: false, code: answer.code };
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
