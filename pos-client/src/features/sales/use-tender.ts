import { useState } from 'react';
import { minor, settlementOf, takeExact, uuidv7, type Minor, type RoundingPolicy, type Tender } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { acceptedPayments, type Ticket, type TicketPayment } from './ticket';
import { useCashPayment } from './use-cash-payment';
import type { OpenTicket } from './use-open-ticket';

/**
 * The payments on the open ticket: what is left at each step (and what cash would take, with
 * the chain's rounding), cash in part or in full, a bank card paid on the external terminal
 * (approved with its reference, or declined), and taking a payment off before completion.
 */
export function useTender(open: OpenTicket, ticket: Ticket, totalMinor: Minor, rounding: RoundingPolicy | null, currency: string) {
  const { now, randomBytes } = useTillServices();
  const settlement = settlementOf(totalMinor, acceptedPayments(ticket), rounding ?? { unitMinor: 1, mode: 'half_up' });
  const cash = useCashPayment(settlement.cashDueMinor, currency);
  const [cardOpen, setCardOpen] = useState(false);
  const [removing, setRemoving] = useState<TicketPayment | null>(null);

  const payment = (tender: Tender, amountMinor: Minor, fields: Partial<TicketPayment> = {}): TicketPayment => {
    const at = now();
    return { id: uuidv7(at.getTime(), randomBytes(10)), tender, amountMinor, tenderedMinor: null, reference: null, declined: false, at: at.toISOString(), ...fields };
  };

  return {
    settlement,
    payments: ticket.payments,
    cash,
    /** Cash handed over that leaves some to pay: kept on the ticket with no change. */
    takePartCash: (amountMinor: Minor) => {
      open.dispatch({ type: 'payment_taken', payment: payment('cash', amountMinor, { tenderedMinor: amountMinor }) });
      cash.clear();
    },
    cardOpen,
    openCard: () => setCardOpen(true),
    closeCard: () => setCardOpen(false),
    /** The terminal approved: the payment goes on the ticket (never beyond what is left); answers whether it settled the sale. */
    approveCard: (amountMinor: Minor, reference: string) => {
      const taken = takeExact(settlement, amountMinor);
      if (!taken.ok) return taken;
      open.dispatch({ type: 'payment_taken', payment: payment('bank_card', amountMinor, { reference }) });
      setCardOpen(false);
      return taken;
    },
    /** The terminal declined: listed on the ticket so the cashier sees it, never on the sale. */
    declineCard: (amountMinor: Minor, reference: string) => {
      open.dispatch({ type: 'payment_taken', payment: payment('bank_card', minor(Math.max(0, amountMinor)), { reference: reference || null, declined: true }) });
      setCardOpen(false);
    },
    /** A card payment asks first: it must be voided on the terminal too. */
    removing,
    askRemove: (p: TicketPayment) => (p.tender === 'cash' || p.declined ? open.dispatch({ type: 'payment_removed', paymentId: p.id }) : setRemoving(p)),
    confirmRemove: () => {
      if (removing) open.dispatch({ type: 'payment_removed', paymentId: removing.id });
      setRemoving(null);
    },
    keepPayment: () => setRemoving(null),
    cardPaid: acceptedPayments(ticket).some((p) => p.tender === 'bank_card'),
  };
}
