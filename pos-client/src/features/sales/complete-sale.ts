import { uuidv7, type CompiledRules, type Minor, type Sale } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { Basket } from './basket';
import { buildCashSale, type BuildSaleError } from './build-sale';

export interface CompleteSaleDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

export type CompleteSaleResult = { ok: true; sale: Sale } | { ok: false; code: BuildSaleError | 'NOT_READY' };

/**
 * Finishes a cash sale: takes the next receipt number and writes the journal entry and the
 * outbox entry in one strict-durability transaction, so the sale is either fully kept or
 * not at all. The basket is priced again at the moment of completion, the instant HQ prices it at.
 */
export async function completeCashSale(
  { db, now, randomBytes }: CompleteSaleDeps,
  basket: Basket,
  tenderedMinor: Minor,
  rules: CompiledRules,
): Promise<CompleteSaleResult> {
  return db.transaction('rw', db.meta, db.journal, db.outbox, async () => {
    const pairing = await db.getMeta('pairing');
    const session = await db.getMeta('session');
    if (!pairing || !session) return { ok: false, code: 'NOT_READY' } as const;
    const counter = await db.getMeta('receiptCounter');
    const number = (counter?.deviceId === pairing.device.id ? counter.last : 0) + 1;
    const at = now();
    const id = () => uuidv7(at.getTime(), randomBytes(10));
    const built = buildCashSale(basket, tenderedMinor, {
      saleId: id(),
      paymentId: id(),
      lineIds: basket.lines.map(id),
      storeId: pairing.store.id,
      timeZone: pairing.store.timeZone,
      deviceId: pairing.device.id,
      cashierId: session.clerkId,
      currency: pairing.store.currency,
      receiptNo: `${pairing.device.code}-${number}`,
      completedAt: at.toISOString(),
    }, rules);
    if (!built.ok) return built;
    const { sale } = built;
    await db.journal.add(sale);
    await db.outbox.add({
      id: sale.id,
      kind: sale.kind,
      body: sale,
      state: 'pending',
      attempts: 0,
      createdAt: sale.completedAt,
      lastAttemptAt: null,
      sentAt: null,
      reason: null,
    });
    await db.putMeta('receiptCounter', { deviceId: pairing.device.id, last: number });
    return { ok: true, sale } as const;
  });
}
