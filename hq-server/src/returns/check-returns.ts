import type { Return } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';
import { saleLines, salePayments, sales } from '../sales/sales.tables';
import { shiftsOfDevice } from '../shifts/shift-references';

/** The sale a return names, as HQ holds it: its lines and payments by id. */
export interface OriginalSale {
  id: string;
  storeId: string;
  lines: ReadonlyMap<string, { quantity: number; productId: string }>;
  payments: ReadonlyMap<string, { amountMinor: number }>;
}

/** The sales these returns name, within the chain only: a sale of another chain is not found, as an unknown one. */
export async function originalSales(db: Db, chainId: string, docs: readonly Return[]): Promise<Map<string, OriginalSale>> {
  const ids = [...new Set(docs.flatMap((d) => (d.original ? [d.original.saleId] : [])))];
  if (ids.length === 0) return new Map();
  const [headers, lines, payments] = await Promise.all([
    db.select({ id: sales.id, storeId: sales.storeId }).from(sales).where(and(eq(sales.chainId, chainId), inArray(sales.id, ids))),
    db.select({ id: saleLines.id, saleId: saleLines.saleId, quantity: saleLines.quantity, productId: saleLines.productId }).from(saleLines)
      .where(and(eq(saleLines.chainId, chainId), inArray(saleLines.saleId, ids))),
    db.select({ id: salePayments.id, saleId: salePayments.saleId, amountMinor: salePayments.amountMinor }).from(salePayments)
      .where(and(eq(salePayments.chainId, chainId), inArray(salePayments.saleId, ids))),
  ]);
  return new Map(headers.map((h) => [h.id, {
    ...h,
    lines: new Map(lines.filter((l) => l.saleId === h.id).map((l) => [l.id, l])),
    payments: new Map(payments.filter((p) => p.saleId === h.id).map((p) => [p.id, p])),
  }]));
}

/**
 * What each return names that HQ does not know or the return may not use: its original sale
 * (of this chain), that sale's lines and payments, products of the chain, and clerks of the
 * returning store or the whole chain (cashier and approvers, as for a sale), and a shift this
 * till opened.
 */
export async function returnProblems(db: Db, device: DevicePrincipal, docs: readonly Return[], originals: ReadonlyMap<string, OriginalSale>): Promise<Map<string, string[]>> {
  const productIds = [...new Set(docs.flatMap((d) => [...d.lines, ...d.outLines].map((l) => l.productId)))];
  const clerkIds = [...new Set(docs.flatMap((d) => [d.cashierId, ...d.approvals.map((a) => a.approvedBy)]))];
  const [knownProducts, knownClerks, ownShifts] = await Promise.all([
    productIds.length ? db.select({ id: products.id }).from(products).where(and(eq(products.chainId, device.chainId), inArray(products.id, productIds))) : [],
    clerkIds.length ? db.select({ id: clerks.id, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, device.chainId), inArray(clerks.id, clerkIds))) : [],
    shiftsOfDevice(db, device, docs.flatMap((d) => (d.shiftId ? [d.shiftId] : []))),
  ]);
  const productSet = new Set(knownProducts.map((p) => p.id));
  const storeClerks = new Set(knownClerks.filter((c) => c.storeId === null || c.storeId === device.storeId).map((c) => c.id));
  const problems = new Map<string, string[]>();
  for (const doc of docs) {
    const sale = doc.original ? originals.get(doc.original.saleId) : undefined;
    const found = [
      ...(doc.original && !sale ? [`unknown original sale ${doc.original.saleId}`] : []),
      ...(storeClerks.has(doc.cashierId) ? [] : [`unknown cashier ${doc.cashierId}`]),
      ...(doc.shiftId && !ownShifts.has(doc.shiftId) ? [`unknown shift ${doc.shiftId}`] : []),
      ...[...doc.lines, ...doc.outLines].filter((l) => !productSet.has(l.productId)).map((l) => `unknown product ${l.productId}`),
      ...(sale ? doc.lines.filter((l) => l.saleLineId && sale.lines.get(l.saleLineId)?.productId !== l.productId).map((l) => `not a line of the original sale with that product: ${l.saleLineId}`) : []),
      ...(sale ? doc.refunds.filter((r) => r.salePaymentId && !sale.payments.has(r.salePaymentId)).map((r) => `not a payment of the original sale: ${r.salePaymentId}`) : []),
      ...doc.approvals.flatMap((a, i) => [
        ...(storeClerks.has(a.approvedBy) ? [] : [`approval ${i + 1}: unknown approver ${a.approvedBy}`]),
        ...(a.requestedBy === doc.cashierId ? [] : [`approval ${i + 1}: requested by ${a.requestedBy}, who is not the return's cashier`]),
      ]),
    ];
    if (found.length) problems.set(doc.id, found);
  }
  return problems;
}
