import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { minor } from '@pos/shared';
import { createTestDb } from '../../db/test-db.fixture';
import { holdTicket, listHeldTickets, loadOpenTicket, recallTicket, saveOpenTicket } from './ticket-store';
import { newTicket, ticketReducer, type Ticket } from './ticket';

const at = '2025-03-01T10:00:00.000Z';
const cola = { productId: 'p-cola', barcode: '6901234567892', nameZh: '可乐', nameEn: 'Cola', unitPriceMinor: minor(350), categoryId: null, ancestorCategoryIds: [], brandId: null };
const rungUp = (id: string, clerkId = 'c1'): Ticket => ticketReducer(newTicket(id, clerkId), { type: 'item_scanned', item: cola, lineId: `${id}-l1`, at });
const withCard = (ticket: Ticket): Ticket =>
  ticketReducer(ticket, { type: 'payment_taken', payment: { id: 'p1', tender: 'bank_card', amountMinor: minor(100), tenderedMinor: null, reference: 'R1', declined: false, at } });

describe('ticket store', () => {
  it('keeps one open ticket per clerk, written over on every save', async () => {
    const db = createTestDb();
    await saveOpenTicket(db, newTicket('t1', 'c1'));
    await saveOpenTicket(db, rungUp('t1'));
    await saveOpenTicket(db, rungUp('t9', 'c2'));
    expect(await loadOpenTicket(db, 'c1')).toEqual(rungUp('t1'));
    expect(await db.tickets.count()).toBe(2);
  });

  it('holds the open ticket, numbered, and opens the fresh one in its place', async () => {
    const db = createTestDb();
    const first = await holdTicket(db, { ticket: rungUp('t1'), totalMinor: minor(350) }, newTicket('t2', 'c1'), at);
    const second = await holdTicket(db, { ticket: rungUp('t2'), totalMinor: minor(350) }, newTicket('t3', 'c1'), at);
    expect(first.ok && first.held).toMatchObject({ heldNo: 1, items: 1, totalMinor: 350, heldAt: at });
    expect(second.ok && second.held.heldNo).toBe(2);
    expect((await listHeldTickets(db, 'c1')).map((h) => h.ticket.id)).toEqual(['t1', 't2']);
    expect(await listHeldTickets(db, 'c2')).toEqual([]);
    expect((await loadOpenTicket(db, 'c1'))?.id).toBe('t3');
  });

  it('keeps a live held list asleep through the open tickets’ writes (one a scan), and wakes it for a hold', async () => {
    const db = createTestDb();
    await holdTicket(db, { ticket: rungUp('t1'), totalMinor: minor(350) }, newTicket('t2', 'c1'), at);
    const seen: string[][] = [];
    const subscription = liveQuery(() => listHeldTickets(db, 'c1')).subscribe({ next: (held) => seen.push(held.map((h) => h.ticket.id)) });
    await vi.waitFor(() => expect(seen).toEqual([['t1']]));
    await saveOpenTicket(db, rungUp('t2'));
    await saveOpenTicket(db, rungUp('t9', 'c2'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([['t1']]);
    await holdTicket(db, { ticket: rungUp('t2'), totalMinor: minor(350) }, newTicket('t3', 'c1'), at);
    await vi.waitFor(() => expect(seen).toEqual([['t1'], ['t1', 't2']]));
    subscription.unsubscribe();
  });

  it('refuses to hold a ticket a card paid on, and changes nothing', async () => {
    const db = createTestDb();
    await saveOpenTicket(db, withCard(rungUp('t1')));
    expect(await holdTicket(db, { ticket: withCard(rungUp('t1')), totalMinor: minor(350) }, newTicket('t2', 'c1'), at)).toEqual({ ok: false, code: 'HOLD_CARD_PAID' });
    expect((await loadOpenTicket(db, 'c1'))?.id).toBe('t1');
    expect(await listHeldTickets(db, 'c1')).toEqual([]);
  });

  it('recalls a held ticket, holding the open one in its place when it has lines', async () => {
    const db = createTestDb();
    await holdTicket(db, { ticket: rungUp('t1'), totalMinor: minor(350) }, newTicket('t2', 'c1'), at);
    const swapped = await recallTicket(db, 't1', { ticket: rungUp('t2'), totalMinor: minor(350) }, at);
    expect(swapped.ok && swapped.ticket.id).toBe('t1');
    expect((await loadOpenTicket(db, 'c1'))?.id).toBe('t1');
    expect((await listHeldTickets(db, 'c1')).map((h) => [h.ticket.id, h.heldNo])).toEqual([['t2', 1]]);
    const plain = await recallTicket(db, 't2', { ticket: newTicket('t3', 'c1'), totalMinor: minor(0) }, at);
    expect(plain.ok && plain.ticket.id).toBe('t2');
    expect(await listHeldTickets(db, 'c1')).toEqual([]);
    expect(await recallTicket(db, 'gone', { ticket: newTicket('t3', 'c1'), totalMinor: minor(0) }, at)).toEqual({ ok: false, code: 'HELD_NOT_FOUND' });
  });

  it('will not swap out a ticket a card paid on, nor hand a clerk another clerk\'s held ticket', async () => {
    const db = createTestDb();
    await holdTicket(db, { ticket: rungUp('t1'), totalMinor: minor(350) }, newTicket('t2', 'c1'), at);
    expect(await recallTicket(db, 't1', { ticket: withCard(rungUp('t2')), totalMinor: minor(350) }, at)).toEqual({ ok: false, code: 'HOLD_CARD_PAID' });
    expect(await recallTicket(db, 't1', { ticket: newTicket('t5', 'c2'), totalMinor: minor(0) }, at)).toEqual({ ok: false, code: 'HELD_NOT_FOUND' });
    expect((await listHeldTickets(db, 'c1')).map((h) => h.ticket.id)).toEqual(['t1']);
  });

  it('keeps each line\'s clerks and shares through a reload, a hold and a recall', async () => {
    const db = createTestDb();
    const shares = [{ clerkId: 'c-ann', shareBp: 6000 }, { clerkId: 'c-bob', shareBp: 4000 }];
    const credited = ticketReducer(rungUp('t1'), { type: 'line_clerks_set', lineId: 't1-l1', shares });
    await saveOpenTicket(db, credited);
    expect((await loadOpenTicket(db, 'c1'))?.basket.lines[0]?.clerkShares).toEqual(shares);
    await holdTicket(db, { ticket: credited, totalMinor: minor(350) }, newTicket('t2', 'c1'), at);
    const recalled = await recallTicket(db, 't1', { ticket: newTicket('t2', 'c1'), totalMinor: minor(0) }, at);
    expect(recalled.ok && recalled.ticket.basket.lines[0]?.clerkShares).toEqual(shares);
  });
});
