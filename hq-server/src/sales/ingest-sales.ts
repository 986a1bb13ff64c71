import { businessDate, type PushResult, type Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';
import { isUuid } from '../ids';
import { members } from '../pricing/pricing.tables';
import { repricingDataFor, repriceSale, type SaleDiscrepancy, type VoucherRedemption } from './reprice-sales';
import { voucherRedemptions } from './sales.tables';
import { writeSales } from './write-sales';

export type IngestOutcome = { status: 'accepted' | 'duplicate' } | { status: 'rejected'; reason: NonNullable<PushResult['reason']> };

/** SQLSTATE classes 22 (data exception) and 23 (integrity violation) point at one bad document, not at HQ. */
function isDataError(error: unknown): error is Error {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('22') || code.startsWith('23');
}

/** Products are never deleted, so one the repricing data already knows needs no look-up. */
async function unknownReferences(db: Db, chainId: string, sales: Sale[], cachedProducts: ReadonlyMap<string, unknown>): Promise<Map<string, string[]>> {
  const productIds = [...new Set(sales.flatMap((s) => s.lines.map((l) => l.productId)))].filter((id) => !cachedProducts.has(id));
  const clerkIds = [...new Set(sales.flatMap((s) => [s.cashierId, ...s.lines.flatMap((l) => (l.clerkId ? [l.clerkId] : []))]))];
  const [knownProducts, knownClerks] = await Promise.all([
    productIds.length ? db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), inArray(products.id, productIds))) : [],
    clerkIds.length ? db.select({ id: clerks.id }).from(clerks).where(and(eq(clerks.chainId, chainId), inArray(clerks.id, clerkIds))) : [],
  ]);
  const fetchedProducts = new Set(knownProducts.map((p) => p.id));
  const isKnownProduct = (id: string) => cachedProducts.has(id) || fetchedProducts.has(id);
  const clerkSet = new Set(knownClerks.map((c) => c.id));
  const problems = new Map<string, string[]>();
  for (const sale of sales) {
    const found = [
      ...(clerkSet.has(sale.cashierId) ? [] : [`unknown cashier ${sale.cashierId}`]),
      ...sale.lines.filter((l) => !isKnownProduct(l.productId)).map((l) => `line ${l.lineNo}: unknown product ${l.productId}`),
      ...sale.lines.filter((l) => l.clerkId && !clerkSet.has(l.clerkId)).map((l) => `line ${l.lineNo}: unknown clerk ${l.clerkId}`),
    ];
    if (found.length) problems.set(sale.id, found);
  }
  return problems;
}

/**
 * A sale priced for a member HQ does not know, or at a level the member does not hold: the
 * till's word decided the member prices, so the difference is kept for the office to look at.
 */
async function memberDiscrepancies(db: Db, chainId: string, sales: Sale[]): Promise<Map<string, SaleDiscrepancy[]>> {
  const claimed = sales.flatMap((sale) => (sale.pricing?.member ? [{ sale, member: sale.pricing.member }] : []));
  const ids = [...new Set(claimed.map((c) => c.member.id))].filter(isUuid);
  const known = ids.length
    ? await db.select({ id: members.id, levelId: members.levelId }).from(members).where(and(eq(members.chainId, chainId), inArray(members.id, ids)))
    : [];
  const levelOf = new Map(known.map((m) => [m.id, m.levelId]));
  const found = new Map<string, SaleDiscrepancy[]>();
  for (const { sale, member } of claimed) {
    const level = levelOf.get(member.id);
    if (level === member.levelId) continue;
    const problem = level === undefined ? 'MEMBER_UNKNOWN' : 'MEMBER_LEVEL';
    found.set(sale.id, [{ lineId: null, tillMinor: sale.totalMinor, hqMinor: sale.totalMinor, detail: { problem, memberId: member.id, tillLevelId: member.levelId, hqLevelId: level ?? null } }]);
  }
  return found;
}

/** Who spent each voucher code of the batch before: earlier sales at HQ, then earlier sales of the batch. */
async function spentVouchers(db: Db, chainId: string, repriced: { sale: Sale; redemptions: VoucherRedemption[] }[]): Promise<Map<string, string>> {
  const codes = [...new Set(repriced.flatMap((r) => r.redemptions.map((v) => v.code)))];
  const rows = codes.length
    ? await db.select({ code: voucherRedemptions.code, saleId: voucherRedemptions.saleId }).from(voucherRedemptions)
      .where(and(eq(voucherRedemptions.chainId, chainId), inArray(voucherRedemptions.code, codes)))
    : [];
  const spentBy = new Map(rows.map((r) => [r.code, r.saleId]));
  for (const { sale, redemptions } of repriced) for (const { code } of redemptions) if (!spentBy.has(code)) spentBy.set(code, sale.id);
  return spentBy;
}

/** A voucher another sale already spent: single use, so what it took off is a difference to look at. */
function reusedVouchers(sale: Sale, redemptions: readonly VoucherRedemption[], spentBy: ReadonlyMap<string, string>): SaleDiscrepancy[] {
  return redemptions.flatMap(({ code, ruleId, amountMinor }) => {
    const spender = spentBy.get(code);
    if (spender === undefined || spender === sale.id) return [];
    return [{ lineId: null, tillMinor: sale.totalMinor, hqMinor: sale.totalMinor + amountMinor, detail: { problem: 'VOUCHER_REUSED', code, ruleId, spentBySaleId: spender } }];
  });
}

/**
 * Ingests sales exactly once. Each sale is first priced again with the shared engine from
 * HQ's prices and promotions, loaded once for the batch; differences from the till's
 * figures are kept beside the sale, which is accepted either way. The batch is written in
 * one transaction: headers are inserted with ON CONFLICT DO NOTHING and only the ones
 * actually inserted get their lines, payments, stock movements, roll-ups and pricing
 * discrepancies, so a retried batch, or one that died half-way and was rolled
 * back, changes nothing twice. Should the batch fail on one bad document, each document is
 * retried in a transaction of its own so the others still go in.
 */
export async function ingestSales(deps: Deps, device: DevicePrincipal, sales: Sale[]): Promise<Map<string, IngestOutcome>> {
  const outcomes = new Map<string, IngestOutcome>();
  if (sales.length === 0) return outcomes;
  const pricing = await repricingDataFor(deps.db, device.chainId, device.storeId);
  const problems = await unknownReferences(deps.db, device.chainId, sales, pricing.lineFacts);
  for (const [id, messages] of problems) {
    outcomes.set(id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'the document refers to rows HQ does not know', details: messages } });
  }
  const memberProblems = await memberDiscrepancies(deps.db, device.chainId, sales);
  const repriced = sales.filter((s) => !problems.has(s.id)).map((sale) => ({ sale, ...repriceSale(pricing, sale, device.storeTimeZone) }));
  const spent = await spentVouchers(deps.db, device.chainId, repriced);
  const writable = repriced.map(({ sale, discrepancies, redemptions }) => ({
    sale, businessDate: businessDate(sale.completedAt, device.storeTimeZone), redemptions,
    discrepancies: [...(memberProblems.get(sale.id) ?? []), ...discrepancies, ...reusedVouchers(sale, redemptions, spent)],
  }));

  const record = (inserted: Set<string>, batch: typeof writable) => {
    for (const { sale } of batch) outcomes.set(sale.id, { status: inserted.has(sale.id) ? 'accepted' : 'duplicate' });
  };
  try {
    record(await writeSales(deps, device.chainId, writable), writable);
  } catch (error) {
    if (!isDataError(error)) throw error;
    for (const one of writable) {
      try {
        record(await writeSales(deps, device.chainId, [one]), [one]);
      } catch (singleError) {
        if (!isDataError(singleError)) throw singleError;
        outcomes.set(one.sale.id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: `HQ could not store the document: ${singleError.message}` } });
      }
    }
  }
  return outcomes;
}
