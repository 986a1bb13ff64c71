import type { FoundMember, LineClerkShare, ManualDiscount, Minor, SaleApproval, Tender } from '@pos/shared';
import type { PriceOverride } from '../permissions/price-override';
import { addItem, changeQuantity, emptyBasket, moveSelection, removeLine, setLineClerks, type Basket, type BasketLine, type ScannedItem } from './basket';

/** A manager's approval the sale will record, and what it stands for: a discount's id, a line's id (a price), or nothing. */
export interface TrackedApproval {
  approval: SaleApproval;
  ref: string | null;
}

/** A payment taken on the ticket, in the order taken. */
export interface TicketPayment {
  /** The sale payment's id, made when the payment was taken. */
  id: string;
  tender: Tender;
  amountMinor: Minor;
  /** Cash handed over; null for any other tender. */
  tenderedMinor: Minor | null;
  /** The card terminal's reference. */
  reference: string | null;
  /** A card the terminal declined: kept on the ticket for the cashier to see, never on the sale. */
  declined: boolean;
  at: string;
  /** A stored-value or points payment: the member's card and what HQ said it holds after it, for the receipt. */
  card?: MemberCardPayment;
  /** Stored value taken while HQ could not be reached, within the chain's offline allowance: the card HQ debits when the sale arrives. */
  offlineCardNo?: string;
}

/** What HQ answered for a payment from a member's card. */
export interface MemberCardPayment {
  cardNo: string;
  storedValueAfterMinor?: number;
  points?: number;
  pointsAfter?: number;
}

/**
 * The open ticket (the basket in progress) and everything given on it. The till keeps it as
 * one record, written after every change, so a reload, a closed tab or a crash brings it back;
 * its id becomes the sale's id, so a ticket can become a sale only once.
 */
export interface Ticket {
  id: string;
  /** The clerk ringing it up: approvals name them as who asked. */
  clerkId: string;
  basket: Basket;
  member: FoundMember | null;
  vouchers: readonly string[];
  manualDiscounts: readonly ManualDiscount[];
  overrides: readonly PriceOverride[];
  approvals: readonly TrackedApproval[];
  payments: readonly TicketPayment[];
}

export type TicketAction =
  | { type: 'item_scanned'; item: ScannedItem; lineId: string; at: string }
  | { type: 'quantity_changed'; delta: number }
  | { type: 'line_selected'; lineId: string }
  | { type: 'selection_moved'; step: number }
  | { type: 'line_voided'; approval: SaleApproval | null }
  | { type: 'line_clerks_set'; lineId: string; shares: readonly LineClerkShare[] }
  | { type: 'lines_repriced'; lines: readonly BasketLine[] }
  | { type: 'member_set'; member: FoundMember | null }
  | { type: 'voucher_added'; code: string }
  | { type: 'voucher_removed'; code: string }
  | { type: 'discount_given'; discount: ManualDiscount; approval: SaleApproval | null }
  | { type: 'discount_removed'; discountId: string }
  | { type: 'price_set'; override: PriceOverride; approval: SaleApproval | null }
  | { type: 'payment_taken'; payment: TicketPayment }
  | { type: 'payment_removed'; paymentId: string };

export function newTicket(id: string, clerkId: string): Ticket {
  return { id, clerkId, basket: emptyBasket, member: null, vouchers: [], manualDiscounts: [], overrides: [], approvals: [], payments: [] };
}

const keep = (approvals: readonly TrackedApproval[], approval: SaleApproval | null, ref: string | null) => (approval ? [...approvals, { approval, ref }] : approvals);

/** A line taken out takes its discounts, its price and their approvals with it; the void's own approval names no line. */
function voidSelected(ticket: Ticket, approval: SaleApproval | null): Ticket {
  const lineId = ticket.basket.selectedId;
  if (lineId === null) return ticket;
  const gone = new Set([lineId, ...ticket.manualDiscounts.filter((d) => d.lineId === lineId).map((d) => d.id)]);
  return {
    ...ticket,
    basket: removeLine(ticket.basket, lineId),
    manualDiscounts: ticket.manualDiscounts.filter((d) => d.lineId !== lineId),
    overrides: ticket.overrides.filter((o) => o.lineId !== lineId),
    approvals: keep(ticket.approvals.filter((a) => a.ref === null || !gone.has(a.ref)), approval, null),
  };
}

const onBasket = (ticket: Ticket, change: (basket: Basket) => Basket): Ticket => ({ ...ticket, basket: change(ticket.basket) });
const onSelected = (ticket: Ticket, change: (basket: Basket, lineId: string) => Basket): Ticket =>
  ticket.basket.selectedId === null ? ticket : onBasket(ticket, (b) => change(b, b.selectedId!));

/** The ticket after one action: pure, so it is tested without a screen and persisted as it comes out. */
export function ticketReducer(ticket: Ticket, action: TicketAction): Ticket {
  switch (action.type) {
    case 'item_scanned':
      return onBasket(ticket, (b) => addItem(b, action.item, action.lineId, action.at));
    case 'quantity_changed':
      return onSelected(ticket, (b, id) => changeQuantity(b, id, action.delta));
    case 'line_selected':
      return ticket.basket.lines.some((l) => l.id === action.lineId) ? onBasket(ticket, (b) => ({ ...b, selectedId: action.lineId })) : ticket;
    case 'selection_moved':
      return onBasket(ticket, (b) => moveSelection(b, action.step));
    case 'line_voided':
      return voidSelected(ticket, action.approval);
    case 'line_clerks_set':
      return ticket.basket.lines.some((l) => l.id === action.lineId) ? onBasket(ticket, (b) => setLineClerks(b, action.lineId, action.shares)) : ticket;
    case 'lines_repriced': {
      const byId = new Map(action.lines.map((l) => [l.id, l]));
      return onBasket(ticket, (b) => ({ ...b, lines: b.lines.map((l) => byId.get(l.id) ?? l) }));
    }
    case 'member_set':
      return { ...ticket, member: action.member };
    case 'voucher_added':
      return ticket.vouchers.includes(action.code) ? ticket : { ...ticket, vouchers: [...ticket.vouchers, action.code] };
    case 'voucher_removed':
      return { ...ticket, vouchers: ticket.vouchers.filter((c) => c !== action.code) };
    case 'discount_given':
      return { ...ticket, manualDiscounts: [...ticket.manualDiscounts, action.discount], approvals: keep(ticket.approvals, action.approval, action.discount.id) };
    case 'discount_removed':
      return {
        ...ticket,
        manualDiscounts: ticket.manualDiscounts.filter((d) => d.id !== action.discountId),
        approvals: ticket.approvals.filter((a) => a.ref !== action.discountId),
      };
    case 'price_set': {
      const { override } = action;
      if (!ticket.basket.lines.some((l) => l.id === override.lineId)) return ticket;
      return {
        ...ticket,
        overrides: [...ticket.overrides.filter((o) => o.lineId !== override.lineId), override],
        approvals: keep(ticket.approvals, action.approval, override.lineId),
      };
    }
    case 'payment_taken':
      return { ...ticket, payments: [...ticket.payments, action.payment] };
    case 'payment_removed':
      return { ...ticket, payments: ticket.payments.filter((p) => p.id !== action.paymentId) };
  }
}

/** Nothing rung up and nothing given: no line, member, voucher or payment. */
export function isBlank(ticket: Ticket): boolean {
  return ticket.basket.lines.length === 0 && ticket.member === null && ticket.vouchers.length === 0 && ticket.payments.length === 0;
}

/** The payments taken from the member's card (stored value, points): HQ holds them, so removing one gives it back there. */
export const isMemberCardPayment = (payment: TicketPayment): payment is TicketPayment & { tender: 'stored_value' | 'points' } =>
  payment.tender === 'stored_value' || payment.tender === 'points';

/** The payments the sale will carry: every one taken but a declined card. */
export function acceptedPayments(ticket: Ticket): TicketPayment[] {
  return ticket.payments.filter((p) => !p.declined);
}

/** The approvals the sale records. */
export function ticketApprovals(ticket: Ticket): SaleApproval[] {
  return ticket.approvals.map((a) => a.approval);
}
