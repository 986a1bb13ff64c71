import { describe, expect, it } from 'vitest';
import { minor } from '@pos/shared';
import { heldTicketOf, holdRefusal, nextHeldNo } from './held-tickets';
import { newTicket, ticketReducer, type Ticket, type TicketPayment } from './ticket';

const cola = { productId: 'p-cola', barcode: '6901234567892', nameZh: '可乐', nameEn: 'Cola', unitPriceMinor: minor(350), categoryId: null, ancestorCategoryIds: [], brandId: null };
const at = '2025-03-01T10:00:00.000Z';
const withCola = (): Ticket => ticketReducer(ticketReducer(newTicket('t1', 'c1'), { type: 'item_scanned', item: cola, lineId: 'l1', at }), { type: 'quantity_changed', delta: 2 });
const paid = (ticket: Ticket, tender: TicketPayment['tender'], declined = false): Ticket =>
  ticketReducer(ticket, { type: 'payment_taken', payment: { id: `p-${tender}`, tender, amountMinor: minor(100), tenderedMinor: null, reference: 'R1', declined, at } });

describe('holding a ticket', () => {
  it('refuses an empty ticket and one a card has paid on', () => {
    expect(holdRefusal(newTicket('t1', 'c1'))).toBe('TICKET_EMPTY');
    expect(holdRefusal(paid(withCola(), 'bank_card'))).toBe('HOLD_CARD_PAID');
  });

  it('holds a ticket with cash taken, or with a card the terminal declined', () => {
    expect(holdRefusal(withCola())).toBeNull();
    expect(holdRefusal(paid(withCola(), 'cash'))).toBeNull();
    expect(holdRefusal(paid(withCola(), 'bank_card', true))).toBeNull();
  });

  it('numbers after the highest on hold, from 1 when none is', () => {
    expect(nextHeldNo([])).toBe(1);
    expect(nextHeldNo([{ heldNo: 2 }, { heldNo: 5 }])).toBe(6);
    const held = heldTicketOf(withCola(), [{ heldNo: 1 }], at, minor(1050));
    expect(held).toMatchObject({ heldNo: 2, heldAt: at, items: 3, totalMinor: 1050 });
  });
});
