import type { Minor } from '@pos/shared';
import { itemCount } from './basket';
import { acceptedPayments, type Ticket } from './ticket';

/** A ticket put aside (挂单) to serve the next customer, with what the held list shows of it. */
export interface HeldTicket {
  ticket: Ticket;
  /** Counts up from 1 among the tickets held on the till, so the cashier can call it out. */
  heldNo: number;
  heldAt: string;
  items: number;
  totalMinor: Minor;
}

export type HoldRefusal = 'TICKET_EMPTY' | 'HOLD_CARD_PAID';

/**
 * Whether a ticket may be held: it has lines, and no card has paid on it. A card payment is
 * money taken on a terminal for this customer now; a held ticket may wait for hours or be
 * recalled by the next shift, so it must be finished or the payment reversed first. Cash
 * taken stays with the held ticket, as do the managers' approvals.
 */
export function holdRefusal(ticket: Ticket): HoldRefusal | null {
  if (ticket.basket.lines.length === 0) return 'TICKET_EMPTY';
  if (acceptedPayments(ticket).some((p) => p.tender !== 'cash')) return 'HOLD_CARD_PAID';
  return null;
}

/** The next number after the ones on hold; numbering starts again once none is left. */
export function nextHeldNo(held: readonly Pick<HeldTicket, 'heldNo'>[]): number {
  return held.reduce((max, h) => Math.max(max, h.heldNo), 0) + 1;
}

export function heldTicketOf(ticket: Ticket, held: readonly Pick<HeldTicket, 'heldNo'>[], heldAt: string, totalMinor: Minor): HeldTicket {
  return { ticket, heldNo: nextHeldNo(held), heldAt, items: itemCount(ticket.basket), totalMinor };
}
