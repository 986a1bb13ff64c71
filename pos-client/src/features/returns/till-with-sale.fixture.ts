import { compileRules, minor, uuidv7 } from '@pos/shared';
import { colaPrice, ids, sellingTillDb } from '../../db/test-db.fixture';
import { addItem, emptyBasket } from '../sales/basket';
import { completeSale } from '../sales/complete-sale';
import { findScannedItem } from '../sales/find-scanned-item';
import { newTicket } from '../sales/ticket';
import { openShift } from '../shifts/shift-records';

export const now = () => new Date('2025-03-01T10:05:00.000Z');
export const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };

/** A till that sold two colas for cash, with the sale in its journal. */
export async function tillWithSale() {
  const db = await sellingTillDb(now().toISOString());
  await openShift({ db, now, randomBytes }, { totalMinor: minor(0), denominations: null });
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

