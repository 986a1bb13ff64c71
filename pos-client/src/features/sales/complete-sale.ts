import { uuidv7, type Minor, type Sale, type SaleApproval } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { enqueueDocument } from '../../sync/enqueue-document';
import type { Basket } from './basket';
import { buildCashSale, type BuildSaleError, type GiftProduct } from './build-sale';
import { priceTillBasket, type TillPricing } from './price-till-basket';
import { repriceLines } from './reprice-lines';

export interface CompleteSaleDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

export type CompleteSaleResult = { ok: true; sale: Sale } | { ok: false; code: BuildSaleError | 'NOT_READY' };

/** The names and a barcode of each gift product, read from the pulled catalog. */
async function giftProductsOf(db: TillDb, productIds: readonly string[]): Promise<Map<string, GiftProduct>> {
  const found = new Map<string, GiftProduct>();
  for (const productId of new Set(productIds)) {
    const product = await db.products.get(productId);
    const barcode = await db.barcodes.where('productId').equals(productId).first();
    if (product) found.set(productId, { nameZh: product.nameZh, nameEn: product.nameEn, barcode: barcode?.code ?? null });
  }
  return found;
}

/**
 * Finishes a cash sale: takes the next receipt number and writes the journal entry and the
 * outbox entry in one strict-durability transaction, so the sale is either fully kept or
 * not at all. The basket is priced again at the moment of completion, the instant HQ prices
 * it at: each line's unit price for the customer, then the promotions. The managers'
 * approvals given on the basket go on the sale, naming the sale's lines.
 */
export async function completeCashSale(
  { db, now, randomBytes }: CompleteSaleDeps,
  basket: Basket,
  tenderedMinor: Minor,
  pricing: TillPricing,
  approvals: readonly SaleApproval[] = [],
): Promise<CompleteSaleResult> {
  return db.transaction('rw', [db.meta, db.journal, db.outbox, db.products, db.barcodes, db.prices], async () => {
    const pairing = await db.getMeta('pairing');
    const session = await db.getMeta('session');
    if (!pairing || !session) return { ok: false, code: 'NOT_READY' } as const;
    const counter = await db.getMeta('receiptCounter');
    const number = (counter?.deviceId === pairing.device.id ? counter.last : 0) + 1;
    const at = now();
    const id = () => uuidv7(at.getTime(), randomBytes(10));
    const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
    const lines = await repriceLines(db, basket.lines, place, at.toISOString(), pricing.member?.levelId ?? null);
    const sold = { ...basket, lines };
    const priced = priceTillBasket(sold, place, at.toISOString(), pricing, lines.map(id));
    const built = buildCashSale(sold, priced, tenderedMinor, {
      saleId: id(),
      paymentId: id(),
      newLineId: id,
      dataSeq: (await db.getSyncMeta()).cursor,
      giftProducts: await giftProductsOf(db, priced.gifts.map((g) => g.productId)),
      storeId: pairing.store.id,
      deviceId: pairing.device.id,
      cashierId: session.clerkId,
      currency: pairing.store.currency,
      receiptNo: `${pairing.device.code}-${number}`,
      completedAt: at.toISOString(),
      approvals,
    }, pricing);
    if (!built.ok) return built;
    const sale: Sale = { ...built.sale, shiftId: (await db.getMeta('openShift'))?.id ?? null };
    await db.journal.add(sale);
    await enqueueDocument(db, sale);
    await db.putMeta('receiptCounter', { deviceId: pairing.device.id, last: number });
    return { ok: true, sale } as const;
  });
}
