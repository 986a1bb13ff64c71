import { businessDate, saleEarning, settlementOf, takeCash, uuidv7, type CashTakeProblem, type Minor, type PointsEarning, type PricedBasket, type Sale, type SalePayment } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { enqueueDocument } from '../../sync/enqueue-document';
import { openShiftOf } from '../shifts/shift-records';
import type { BasketLine } from './basket';
import { buildSale, type BuildSaleError, type GiftProduct } from './build-sale';
import { priceTillBasket, type TillPricing } from './price-till-basket';
import { repriceLines } from './reprice-lines';
import { acceptedPayments, ticketApprovals, type Ticket } from './ticket';
import { closeOpenTicket } from './ticket-store';

export interface CompleteSaleDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

/** `pointsEarned`: what a member's sale earns by the chain's rules as last pulled (HQ posts the same); null without a member or the rules. */
export type CompleteSaleResult = { ok: true; sale: Sale; pointsEarned: number | null } | { ok: false; code: BuildSaleError | CashTakeProblem | 'NOT_READY' | 'NO_OPEN_SHIFT' | 'CARD_OVERPAID' };

/** The names and a barcode of each gift product, read from the pulled catalog. */
async function giftProductsOf(db: TillDb, productIds: readonly string[]): Promise<Map<string, GiftProduct>> {
  const found = new Map<string, GiftProduct>();
  await Promise.all([...new Set(productIds)].map(async (productId) => {
    const [product, barcode] = await Promise.all([db.products.get(productId), db.barcodes.where('productId').equals(productId).first()]);
    if (product) found.set(productId, { nameZh: product.nameZh, nameEn: product.nameEn, barcode: barcode?.code ?? null });
  }));
  return found;
}

/** The ticket's payments as the sale records them, with the cash that settles it last when the cashier hands some over now. */
function salePayments(ticket: Ticket, settlingCash: { id: string; tenderedMinor: Minor } | null, total: Minor, rounding: TillPricing['rounding']) {
  const taken: SalePayment[] = acceptedPayments(ticket).map(({ id, tender, amountMinor, tenderedMinor, reference, offlineCardNo }) => (
    { id, tender, amountMinor, tenderedMinor, reference, ...(offlineCardNo === undefined ? {} : { offlineCardNo }) }
  ));
  if (!settlingCash) return { ok: true, payments: taken } as const;
  const cash = takeCash(settlementOf(total, taken, rounding), settlingCash.tenderedMinor);
  if (!cash.ok) return cash;
  if (!cash.settles) return { ok: false, code: 'TENDERED_TOO_LOW' } as const;
  return { ok: true, payments: [...taken, { id: settlingCash.id, reference: null, ...cash.payment } as SalePayment] } as const;
}

/** The points a member's sale earns, as HQ will count them at ingest (`saleEarning`), from the lines' categories and the promotions' multipliers. */
function pointsEarnedBy(
  sale: Sale, lines: readonly BasketLine[], priced: PricedBasket, memberLevelId: string | null, timeZone: string, earning: PointsEarning | undefined,
): number | null {
  if (memberLevelId === null || !earning) return null;
  return saleEarning({
    sale,
    facts: new Map(lines.map((l) => [l.productId, { categoryId: l.categoryId, ancestorCategoryIds: l.ancestorCategoryIds }])),
    multipliers: new Map(priced.lines.map((l) => [l.lineId, l.pointsMultiplierBp])),
    memberLevelId,
    businessDate: businessDate(sale.completedAt, timeZone),
    rules: earning.rules,
  }).points;
}

/**
 * Finishes the open ticket as a sale in the signed-in clerk's open shift: takes the next receipt number and writes the journal
 * entry and the outbox entry, and closes the open ticket, in one strict-durability
 * transaction, so the sale is either fully kept (and the ticket gone) or not at all. The
 * sale's id is the ticket's, so one ticket can never become two sales. The basket is priced
 * again at the moment of completion, the instant HQ prices it at: each line's unit price for
 * the customer, then the promotions. The payments are the ticket's (a declined card left
 * out), and, when given, the cash handed over now, which must settle what is left. The
 * managers' approvals given on the ticket go on the sale, naming the sale's lines.
 */
export async function completeSale(
  { db, now, randomBytes }: CompleteSaleDeps,
  ticket: Ticket,
  pricing: TillPricing,
  cashTenderedMinor: Minor | null,
): Promise<CompleteSaleResult> {
  const result = await db.transaction('rw', [db.meta, db.journal, db.outbox, db.products, db.barcodes, db.prices, db.tickets, db.shifts], async () => {
    // The reads that do not wait on each other go together: the customer waits on each round trip.
    const [pairing, session, shift, counter, syncMeta, earning] = await Promise.all([
      db.getMeta('pairing'), db.getMeta('session'), openShiftOf(db), db.getMeta('receiptCounter'), db.getSyncMeta(), db.getMeta('pointsEarning'),
    ]);
    if (!pairing || !session) return { ok: false, code: 'NOT_READY' } as const;
    if (!shift || shift.open.cashierId !== session.clerkId) return { ok: false, code: 'NO_OPEN_SHIFT' } as const;
    const at = now();
    const id = () => uuidv7(at.getTime(), randomBytes(10));
    const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
    const lines = await repriceLines(db, ticket.basket.lines, place, at.toISOString(), pricing.member?.levelId ?? null);
    const sold = { ...ticket.basket, lines };
    const priced = priceTillBasket(sold, place, at.toISOString(), pricing, lines.map(id));
    const paid = salePayments(ticket, cashTenderedMinor === null ? null : { id: id(), tenderedMinor: cashTenderedMinor }, priced.totalMinor, pricing.rounding);
    if (!paid.ok) return paid;
    const settlement = settlementOf(priced.totalMinor, paid.payments, pricing.rounding);
    if (settlement.overpaidMinor > 0) return { ok: false, code: 'CARD_OVERPAID' } as const;
    const number = (counter?.deviceId === pairing.device.id ? counter.last : 0) + 1;
    const built = buildSale(sold, priced, paid.payments, settlement, {
      saleId: ticket.id,
      newLineId: id,
      dataSeq: syncMeta.cursor,
      giftProducts: await giftProductsOf(db, priced.gifts.map((g) => g.productId)),
      storeId: pairing.store.id,
      deviceId: pairing.device.id,
      cashierId: session.clerkId,
      currency: pairing.store.currency,
      receiptNo: `${pairing.device.code}-${number}`,
      completedAt: at.toISOString(),
      approvals: ticketApprovals(ticket),
    }, pricing);
    if (!built.ok) return built;
    const sale: Sale = { ...built.sale, shiftId: shift.id };
    await Promise.all([
      db.journal.add(sale),
      enqueueDocument(db, sale),
      db.putMeta('receiptCounter', { deviceId: pairing.device.id, last: number }),
      closeOpenTicket(db, ticket),
    ]);
    return { ok: true, sale, pointsEarned: pointsEarnedBy(sale, lines, priced, pricing.member?.levelId ?? null, place.timeZone, earning) } as const;
  });
  // Committed (strict durability: on disk); the bench times tender to here.
  if (result.ok) performance.mark('sale-committed');
  return result;
}
