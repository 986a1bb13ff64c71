import { TillEvent, type Minor, type SaleApproval, type VoidedTicket } from '@pos/shared';
import { basketTotal, type Basket } from '../sales/basket';

/** What happened, as the key that did it knows it: each kind with what it acted on, and the manager's approval if one was asked. */
export type TillEventWhat =
  | { event: 'no_sale'; approval: SaleApproval | null }
  | { event: 'void_ticket'; approval: SaleApproval | null; basket: Basket; netMinor: Minor | null }
  | { event: 'reprint'; approval: SaleApproval | null; receiptNo: string };

/** Where and by whom the key was pressed, and the event's own id and instant, made on the till. */
export interface TillEventContext {
  id: string;
  at: Date;
  storeId: string;
  deviceId: string;
  currency: string;
  clerkId: string;
}

/**
 * What a voided basket held: its lines, what they came to at their prices (gross) and after the
 * discounts the screen showed (net: the engine's sum of line nets, before cash rounding). Before
 * the promotions are read there is no priced total, and nothing was taken off.
 */
export function voidedTicketOf(basket: Basket, netMinor: Minor | null, currency: string): VoidedTicket {
  const grossMinor = basketTotal(basket);
  return { lineCount: basket.lines.length, grossMinor, netMinor: netMinor ?? grossMinor, currency };
}

/**
 * The document that records one use of a key acting without a sale, checked with the schema HQ
 * uses: a till never queues what HQ would refuse. An approval given for the key names no line.
 */
export function buildTillEvent(context: TillEventContext, what: TillEventWhat): TillEvent {
  const { id, at, storeId, deviceId, currency, clerkId } = context;
  return TillEvent.parse({
    kind: 'till_event', id, storeId, deviceId, completedAt: at.toISOString(), clerkId, event: what.event,
    ticket: what.event === 'void_ticket' ? voidedTicketOf(what.basket, what.netMinor, currency) : null,
    receiptNo: what.event === 'reprint' ? what.receiptNo : null,
    approval: what.approval && { ...what.approval, lineId: null },
  });
}
