import { describe, expect, it } from 'vitest';
import { minor, type ManualDiscount, type SaleApproval } from '@pos/shared';
import type { ScannedItem } from './basket';
import { acceptedPayments, isBlank, newTicket, ticketApprovals, ticketReducer, type Ticket, type TicketAction, type TicketPayment } from './ticket';

const noFacts = { categoryId: null, ancestorCategoryIds: [], brandId: null };
const cola: ScannedItem = { productId: 'p-cola', barcode: '6901234567892', nameZh: '可乐', nameEn: 'Cola', unitPriceMinor: minor(350), ...noFacts };
const chips: ScannedItem = { productId: 'p-chips', barcode: '6901234567908', nameZh: '薯片', nameEn: 'Crisps', unitPriceMinor: minor(699), ...noFacts };
const at = '2025-03-01T10:00:00.000Z';
const approval = (id: string, key: SaleApproval['key'], lineId: string | null = null): SaleApproval => ({ id, key, lineId, requestedBy: 'cashier', approvedBy: 'manager', at });
const discount = (id: string, lineId: string | null): ManualDiscount => ({ id, lineId, kind: 'percent', value: 1500, enteredBy: 'manager', reason: null });
const payment = (id: string, tender: TicketPayment['tender'], amount: number, declined = false): TicketPayment => ({
  id, tender, amountMinor: minor(amount), tenderedMinor: tender === 'cash' ? minor(amount) : null, reference: tender === 'cash' ? null : `REF-${id}`, declined, at,
});

const run = (...actions: TicketAction[]): Ticket => actions.reduce(ticketReducer, newTicket('t1', 'cashier'));
const scanned = (item: ScannedItem, lineId: string): TicketAction => ({ type: 'item_scanned', item, lineId, at });

describe('ticketReducer', () => {
  it('starts blank, and rings up lines with the newest selected', () => {
    expect(isBlank(newTicket('t1', 'cashier'))).toBe(true);
    const ticket = run(scanned(cola, 'l1'), scanned(chips, 'l2'), scanned(cola, 'l3'));
    expect(ticket.basket.lines.map((l) => [l.id, l.quantity])).toEqual([['l1', 2], ['l2', 1]]);
    expect(ticket.basket.selectedId).toBe('l1');
    expect(isBlank(ticket)).toBe(false);
  });

  it('never changes the ticket it is given', () => {
    const before = run(scanned(cola, 'l1'));
    const frozen = JSON.stringify(before);
    ticketReducer(before, { type: 'quantity_changed', delta: 3 });
    ticketReducer(before, { type: 'line_voided', approval: null });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('changes the quantity of the selected line and moves the selection', () => {
    const ticket = run(scanned(cola, 'l1'), scanned(chips, 'l2'), { type: 'selection_moved', step: -1 }, { type: 'quantity_changed', delta: 2 });
    expect(ticket.basket.selectedId).toBe('l1');
    expect(ticket.basket.lines[0]!.quantity).toBe(3);
    expect(run(scanned(cola, 'l1'), { type: 'line_selected', lineId: 'gone' }).basket.selectedId).toBe('l1');
  });

  it('takes a voided line\'s discounts, price and their approvals with it, and keeps the void\'s approval', () => {
    const ticket = run(
      scanned(cola, 'l1'),
      scanned(chips, 'l2'),
      { type: 'discount_given', discount: discount('d-chips', 'l2'), approval: approval('a-disc', 'line_discount', 'l2') },
      { type: 'discount_given', discount: discount('d-ticket', null), approval: approval('a-ticket', 'ticket_discount') },
      { type: 'price_set', override: { lineId: 'l2', unitPriceMinor: minor(500), discountId: 'd-price', enteredBy: 'manager' }, approval: approval('a-price', 'price_override', 'l2') },
      { type: 'line_voided', approval: approval('a-void', 'void_line') },
    );
    expect(ticket.basket.lines.map((l) => l.id)).toEqual(['l1']);
    expect(ticket.manualDiscounts.map((d) => d.id)).toEqual(['d-ticket']);
    expect(ticket.overrides).toEqual([]);
    expect(ticketApprovals(ticket).map((a) => a.id)).toEqual(['a-ticket', 'a-void']);
    expect(ticket.approvals.at(-1)!.ref).toBeNull();
  });

  it('keeps one price per line, every approval given for it, and refuses a price on a line not on the ticket', () => {
    const price = (unit: number, approvalId: string): TicketAction => ({
      type: 'price_set', override: { lineId: 'l1', unitPriceMinor: minor(unit), discountId: `d-${unit}`, enteredBy: 'manager' }, approval: approval(approvalId, 'price_override', 'l1'),
    });
    const ticket = run(scanned(cola, 'l1'), price(300, 'a1'), price(250, 'a2'));
    expect(ticket.overrides.map((o) => o.unitPriceMinor)).toEqual([250]);
    expect(ticketApprovals(ticket).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(run(price(300, 'a1'))).toEqual(newTicket('t1', 'cashier'));
  });

  it('drops a discount\'s approval with the discount', () => {
    const ticket = run(
      scanned(cola, 'l1'),
      { type: 'discount_given', discount: discount('d1', null), approval: approval('a1', 'ticket_discount') },
      { type: 'discount_removed', discountId: 'd1' },
    );
    expect(ticket.manualDiscounts).toEqual([]);
    expect(ticket.approvals).toEqual([]);
  });

  it('keeps the member, each voucher code once, and reprices lines by id', () => {
    const member = { id: 'm1', cardNo: '888800018', name: '王芳', phoneMasked: '138****5678', level: { id: 'gold', code: 'G', nameZh: '金卡', nameEn: 'Gold' }, birthday: null } as unknown as NonNullable<Ticket['member']>;
    const ticket = run(
      scanned(cola, 'l1'),
      { type: 'member_set', member },
      { type: 'voucher_added', code: 'V1' },
      { type: 'voucher_added', code: 'V1' },
      { type: 'voucher_added', code: 'V2' },
      { type: 'voucher_removed', code: 'V1' },
      { type: 'lines_repriced', lines: [{ ...run(scanned(cola, 'l1')).basket.lines[0]!, unitPriceMinor: minor(300) }] },
    );
    expect(ticket.member).toBe(member);
    expect(ticket.vouchers).toEqual(['V2']);
    expect(ticket.basket.lines[0]!.unitPriceMinor).toBe(300);
  });

  it('keeps payments in the order taken, leaves a declined card off the sale, and removes a payment by id', () => {
    const ticket = run(
      scanned(cola, 'l1'),
      { type: 'payment_taken', payment: payment('p1', 'bank_card', 100, true) },
      { type: 'payment_taken', payment: payment('p2', 'bank_card', 100) },
      { type: 'payment_taken', payment: payment('p3', 'cash', 50) },
    );
    expect(ticket.payments.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(acceptedPayments(ticket).map((p) => p.id)).toEqual(['p2', 'p3']);
    expect(ticketReducer(ticket, { type: 'payment_removed', paymentId: 'p2' }).payments.map((p) => p.id)).toEqual(['p1', 'p3']);
  });

  it('credits a line on the ticket to clerks, and ignores a line no longer on it', () => {
    const shares = [{ clerkId: 'c-ann', shareBp: 6000 }, { clerkId: 'c-bob', shareBp: 4000 }];
    const ticket = run(scanned(cola, 'l1'), scanned(chips, 'l2'), { type: 'line_clerks_set', lineId: 'l1', shares });
    expect(ticket.basket.lines.map((l) => l.clerkShares ?? [])).toEqual([shares, []]);
    expect(ticketReducer(ticket, { type: 'line_clerks_set', lineId: 'gone', shares: [] })).toBe(ticket);
    expect(structuredClone(ticket)).toEqual(ticket);
  });

  it('rings up a scanned item for the clerk it was scanned for', () => {
    const ann = [{ clerkId: 'c-ann', shareBp: 10_000 }];
    const ticket = run({ type: 'item_scanned', item: { ...cola, clerkShares: ann }, lineId: 'l1', at }, scanned(cola, 'l2'));
    expect(ticket.basket.lines.map((l) => [l.id, l.clerkShares ?? []])).toEqual([['l1', ann], ['l2', []]]);
  });

  it('comes back equal from JSON, as IndexedDB stores it', () => {
    const ticket = run(scanned(cola, 'l1'), { type: 'discount_given', discount: discount('d1', 'l1'), approval: approval('a1', 'line_discount', 'l1') }, { type: 'payment_taken', payment: payment('p1', 'cash', 100) });
    expect(structuredClone(ticket)).toEqual(ticket);
  });
});
