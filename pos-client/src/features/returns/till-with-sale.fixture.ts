import { compileRules, uuidv7 } from '@pos/shared';
import { cola, colaPrice, createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import { addItem, emptyBasket } from '../sales/basket';
import { completeSale } from '../sales/complete-sale';
import { findScannedItem } from '../sales/find-scanned-item';
import { newTicket } from '../sales/ticket';

export const now = () => new Date('2025-03-01T10:05:00.000Z');
export const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };

/** A till that sold two colas for cash, with the sale in its journal. */
export async function tillWithSale() {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token: null, signedInAt: now().toISOString() });
  await db.products.put(cola);
  await db.prices.put(colaPrice);
  await db.barcodes.put({ code: '6901234567892', productId: ids.cola, active: true });
  let basket = emptyBasket;
  for (const lineId of ['a', 'b']) {
    const found = await findScannedItem(db, '6901234567892', place, now());
    if (!found.ok) throw new Error(found.code);
    basket = addItem(basket, found.item, lineId, '2025-03-01T10:00:00.000Z');
  }
  const ticket = { ...newTicket(uuidv7(now().getTime(), randomBytes(10)), ids.clerk), basket };
  const sold = await completeSale({ db, now, randomBytes }, ticket, { rules: compileRules([]), rounding: { unitMinor: 1, mode: 'half_up' }, member: null, vouchers: [], manualDiscounts: [] }, colaPrice.amountMinor * 2 as typeof colaPrice.amountMinor);
  if (!sold.ok) throw new Error(sold.code);
  return { db, sale: sold.sale };
}

