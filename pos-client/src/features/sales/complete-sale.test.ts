import { describe, expect, it } from 'vitest';
import { Sale, minor } from '@pos/shared';
import { cola, colaPrice, createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import { addItem, emptyBasket, type Basket } from './basket';
import { completeCashSale } from './complete-sale';
import { findScannedItem } from './find-scanned-item';

const now = () => new Date('2025-03-01T10:00:30.000Z');
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

async function readyDb() {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token: null, signedInAt: now().toISOString() });
  await db.products.put(cola);
  await db.prices.put(colaPrice);
  await db.barcodes.put({ code: '6901234567892', productId: ids.cola, active: true });
  return db;
}

async function scannedTwice(db: Awaited<ReturnType<typeof readyDb>>): Promise<Basket> {
  let basket = emptyBasket;
  for (const lineId of ['a', 'b']) {
    const found = await findScannedItem(db, '6901234567892', ids.store, now());
    if (!found.ok) throw new Error(found.code);
    basket = addItem(basket, found.item, lineId, '2025-03-01T10:00:00.000Z');
  }
  return basket;
}

describe('completeCashSale', () => {
  it('writes a valid sale to the journal and the outbox together, numbering receipts per device', async () => {
    const db = await readyDb();
    const deps = { db, now, randomBytes };
    const first = await completeCashSale(deps, await scannedTwice(db), minor(1000));
    const second = await completeCashSale(deps, await scannedTwice(db), minor(700));
    if (!first.ok || !second.ok) throw new Error('sale not completed');
    expect(() => Sale.parse(first.sale)).not.toThrow();
    expect(first.sale.receiptNo).toBe('T01-1');
    expect(second.sale.receiptNo).toBe('T01-2');
    expect(first.sale.totalMinor).toBe(700);
    expect(first.sale.changeMinor).toBe(300);
    expect(first.sale.lines[0]).toMatchObject({ lineNo: 1, quantity: 2, unitPriceMinor: 350, grossMinor: 700, netMinor: 700, clerkId: null });
    expect(await db.journal.count()).toBe(2);
    expect((await db.outbox.get(first.sale.id))?.state).toBe('pending');
  });

  it('writes nothing when the cash tendered is short', async () => {
    const db = await readyDb();
    const result = await completeCashSale({ db, now, randomBytes }, await scannedTwice(db), minor(500));
    expect(result).toEqual({ ok: false, code: 'TENDERED_TOO_LOW' });
    expect(await db.journal.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('receiptCounter')).toBeUndefined();
  });

  it('refuses to sell an unknown barcode', async () => {
    const db = await readyDb();
    expect(await findScannedItem(db, '6900000000000', ids.store, now())).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(await findScannedItem(db, '12ab', ids.store, now())).toEqual({ ok: false, code: 'BARCODE_INVALID' });
  });
});
