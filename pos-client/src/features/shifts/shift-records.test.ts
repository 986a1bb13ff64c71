import { describe, expect, it } from 'vitest';
import { compileRules, minor, uuidv7 } from '@pos/shared';
import { ids, sellingTillDb } from '../../db/test-db.fixture';
import { addItem, emptyBasket } from '../sales/basket';
import { completeSale } from '../sales/complete-sale';
import { findScannedItem } from '../sales/find-scanned-item';
import { newTicket } from '../sales/ticket';
import { closeShift, openShift, openShiftOf, recordCashMovement } from './shift-records';

let clock = Date.parse('2025-03-01T10:00:00.000Z');
const now = () => new Date((clock += 1000));
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const reasonId = '0195505c-0000-7000-8000-0000000000e1';

async function readyDb() {
  const db = await sellingTillDb(now().toISOString());
  return db;
}

async function sellOneCola(db: Awaited<ReturnType<typeof readyDb>>, tenderedMinor: number) {
  const found = await findScannedItem(db, '6901234567892', { storeId: ids.store, timeZone: 'Asia/Shanghai' }, now());
  if (!found.ok) throw new Error(found.code);
  const ticket = { ...newTicket(uuidv7(now().getTime(), randomBytes(10)), ids.clerk), basket: addItem(emptyBasket, found.item, 'a', now().toISOString()) };
  const result = await completeSale({ db, now, randomBytes }, ticket, { rules: compileRules([]), rounding: { unitMinor: 1, mode: 'half_up' }, member: null, vouchers: [], manualDiscounts: [] }, minor(tenderedMinor));
  if (!result.ok) throw new Error(result.code);
  return result.sale;
}

describe('the till’s shift records', () => {
  it('opens one shift at a time, and queues its opening with it', async () => {
    const db = await readyDb();
    const opened = await openShift({ db, now, randomBytes }, { totalMinor: 50_000, denominations: [{ faceMinor: 10_000, quantity: 5 }] });
    expect(opened.ok).toBe(true);
    expect((await openShiftOf(db))?.open.floatMinor).toBe(50_000);
    expect(await openShift({ db, now, randomBytes }, { totalMinor: 0, denominations: null })).toEqual({ ok: false, code: 'SHIFT_OPEN' });
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['shift_open']);
  });

  it('puts each sale in the open shift and closes with the cash the drawer should hold', async () => {
    const db = await readyDb();
    const opened = await openShift({ db, now, randomBytes }, { totalMinor: 20_000, denominations: null });
    if (!opened.ok) throw new Error(opened.code);
    const sale = await sellOneCola(db, 1_000);
    expect(sale.shiftId).toBe(opened.value.id);
    const out = await recordCashMovement({ db, now, randomBytes }, { direction: 'out', reasonId, amountMinor: 5_000, note: null, approval: null });
    expect(out.ok).toBe(true);
    const expected = 20_000 + sale.totalMinor - 5_000;
    const closed = await closeShift({ db, now, randomBytes }, { totalMinor: expected + 30, denominations: null }, null);
    if (!closed.ok) throw new Error(closed.code);
    expect(closed.value.close).toMatchObject({ expectedCashMinor: expected, differenceMinor: 30, shiftId: opened.value.id, documentsWaiting: 3 });
    expect(closed.value.close?.totals).toMatchObject({ ticketCount: 1, cashSalesMinor: sale.totalMinor, cashOutMinor: 5_000 });
    expect(await openShiftOf(db)).toBeNull();
    expect((await db.outbox.toArray()).map((e) => e.kind).sort()).toEqual(['cash_movement', 'sale', 'shift_close', 'shift_open']);
  });

  it('refuses cash movements and a close when no shift is open', async () => {
    const db = await readyDb();
    expect(await recordCashMovement({ db, now, randomBytes }, { direction: 'in', reasonId, amountMinor: 100, note: null, approval: null })).toEqual({ ok: false, code: 'NO_OPEN_SHIFT' });
    expect(await closeShift({ db, now, randomBytes }, { totalMinor: 0, denominations: null }, null)).toEqual({ ok: false, code: 'NO_OPEN_SHIFT' });
    expect(await db.outbox.count()).toBe(0);
  });
});
