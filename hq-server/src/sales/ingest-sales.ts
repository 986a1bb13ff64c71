import { businessDate, type PushResult, type Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { changeSeqHead } from '../db/fresh-cache';
import { isDataError, retryTransient, sqlStateOf } from '../db/sql-state';
import type { Deps, DevicePrincipal } from '../http/app-env';
import type { IngestOutcome, PushContext } from '../sync/document-ingesters';
import { isUuid } from '../ids';
import { franchiseeOf } from '../points/points-cards.repo';
import { postEarnings, pointsToEarn, type SaleEarning } from '../points/earn-at-ingest';
import { members } from '../pricing/pricing.tables';
import { offlinePayments, settleOfflinePayments } from '../stored-value/offline-settlement';
import { storedValueDiscrepancies } from '../stored-value/sale-payments-check';
import { unknownReferences } from './check-references';
import { writeSalesCoalesced } from './coalesced-sale-writes';
import { repricingDataFor, repriceSale, type SaleDiscrepancy, type VoucherRedemption } from './reprice-sales';
import { voucherRedemptions } from './sales.tables';
import { ownersOf, writeSales, type SaleToWrite } from './write-sales';

type Reason = NonNullable<PushResult['reason']>;

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

/** Why HQ could not store one document, from what PostgreSQL said, without the statement or its values. */
function storeFailure(error: unknown): Reason {
  const sqlState = sqlStateOf(error);
  if (sqlState === '23505') return { code: 'CONFLICT', message: 'a line, payment or approval id of the document is already used by another document' };
  return { code: 'VALIDATION_FAILED', message: 'HQ could not store the document', details: { sqlState } };
}

/** What the sales earn, posted in the sales' transaction for the ones it inserted: a resent sale earns nothing again. */
interface Earnings {
  bySale: ReadonlyMap<string, SaleEarning>;
  franchiseeId: string | null;
}

/**
 * Writes sales, settles the new ones' offline stored-value payments and posts the points they
 * earn, in one transaction. A batch with neither is one statement, atomic on its own, so it goes
 * without the transaction's two extra round trips, together with other pushes' (`coalesced-sale-writes.ts`).
 */
function writeAndEarn(deps: Deps, device: DevicePrincipal, batch: SaleToWrite[], earnings: Earnings): Promise<Set<string>> {
  const { chainId } = device;
  const sales = batch.map(({ sale }) => sale);
  if (offlinePayments(sales).length === 0 && !sales.some((sale) => earnings.bySale.has(sale.id))) return writeSalesCoalesced(deps, chainId, batch);
  return deps.db.transaction(async (tx) => {
    const inserted = await writeSales({ ...deps, db: tx }, chainId, batch);
    await settleOfflinePayments(tx, chainId, device, batch.flatMap(({ sale }) => (inserted.has(sale.id) ? [sale] : [])), deps.clock());
    const earned = batch.flatMap(({ sale }) => (inserted.has(sale.id) && earnings.bySale.has(sale.id) ? [earnings.bySale.get(sale.id)!] : []));
    await postEarnings(tx, chainId, earned, earnings.franchiseeId, deps.clock());
    return inserted;
  });
}

/**
 * Writes the batch in one statement; should it fail on one bad document, writes each on its
 * own so that only the bad one is rejected. A deadlock or serialisation failure is retried.
 */
async function writeBatch(deps: Deps, device: DevicePrincipal, writable: SaleToWrite[], earnings: Earnings, outcomes: Map<string, IngestOutcome>): Promise<void> {
  const record = (inserted: Set<string>, batch: SaleToWrite[]) => {
    for (const { sale } of batch) outcomes.set(sale.id, { status: inserted.has(sale.id) ? 'accepted' : 'duplicate' });
  };
  try {
    record(await retryTransient(() => writeAndEarn(deps, device, writable, earnings)), writable);
  } catch (error) {
    if (!isDataError(error)) throw error;
    for (const one of writable) {
      try {
        record(await retryTransient(() => writeAndEarn(deps, device, [one], earnings)), [one]);
      } catch (singleError) {
        if (!isDataError(singleError)) throw singleError;
        outcomes.set(one.sale.id, { status: 'rejected', reason: storeFailure(singleError) });
      }
    }
  }
}

/**
 * `duplicate` tells a till its sale is safe at HQ, so it is answered only to the till that
 * made the sale. Another till, of this store or any other, that pushes a sale under an id
 * already taken is told that the id is used, the same words whoever holds it.
 */
async function refuseForeignDuplicates(db: Db, device: DevicePrincipal, outcomes: Map<string, IngestOutcome>): Promise<void> {
  const duplicates = [...outcomes].filter(([, o]) => o.status === 'duplicate').map(([id]) => id);
  if (duplicates.length === 0) return;
  for (const [id, owner] of await ownersOf(db, device.chainId, duplicates)) {
    if (owner.storeId === device.storeId && owner.deviceId === device.deviceId) continue;
    outcomes.set(id, { status: 'rejected', reason: { code: 'CONFLICT', message: 'the document id is already used; the till must make a new one' } });
  }
}

/**
 * Ingests sales exactly once. Each sale is first priced again with the shared engine from
 * HQ's prices and promotions, loaded once for the batch; differences from the till's
 * figures are kept beside the sale, which is accepted either way. The batch is written in
 * one statement: headers are inserted with ON CONFLICT DO NOTHING and only the ones
 * actually inserted get their lines, payments, stock movements, roll-ups and pricing
 * discrepancies, a member's sale earns its points and the stored-value payments a till took
 * offline are settled in the same transaction (`points/earn-at-ingest.ts`, `stored-value/offline-settlement.ts`),
 * so a retried batch, or one that died half-way and was rolled back, changes nothing twice. A document HQ cannot store is rejected alone with its reason;
 * only a failure of HQ itself fails the batch.
 */
export async function ingestSales(deps: Deps, device: DevicePrincipal, sales: Sale[], { changeHead }: PushContext): Promise<Map<string, IngestOutcome>> {
  const outcomes = new Map<string, IngestOutcome>();
  if (sales.length === 0) return outcomes;
  const head = changeHead === null ? await changeSeqHead(deps.db) : BigInt(changeHead);
  const pricing = await repricingDataFor(deps.db, device.chainId, device.storeId, head);
  const problems = await unknownReferences(deps.db, device, sales, pricing.lineFacts, head);
  for (const [id, messages] of problems) {
    outcomes.set(id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'the document refers to rows HQ does not know', details: messages } });
  }
  const memberProblems = await memberDiscrepancies(deps.db, device.chainId, sales);
  const storedValueProblems = await storedValueDiscrepancies(deps.db, device.chainId, sales);
  const repriced = sales.filter((s) => !problems.has(s.id)).map((sale) => ({ sale, ...repriceSale(pricing, sale, device.storeTimeZone) }));
  const spent = await spentVouchers(deps.db, device.chainId, repriced);
  const writable = repriced.map(({ sale, discrepancies, redemptions }) => ({
    sale, businessDate: businessDate(sale.completedAt, device.storeTimeZone), redemptions,
    discrepancies: [...(memberProblems.get(sale.id) ?? []), ...discrepancies, ...reusedVouchers(sale, redemptions, spent), ...(storedValueProblems.get(sale.id) ?? [])],
  }));
  const toEarn = repriced.map(({ sale, pointsMultipliers }) => ({ sale, businessDate: businessDate(sale.completedAt, device.storeTimeZone), multipliers: pointsMultipliers }));
  const bySale = await pointsToEarn(deps.db, device.chainId, toEarn, pricing.lineFacts);
  const earnings = { bySale, franchiseeId: bySale.size ? await franchiseeOf(deps.db, device.chainId, device.storeId) : null };
  await writeBatch(deps, device, writable, earnings, outcomes);
  await refuseForeignDuplicates(deps.db, device, outcomes);
  return outcomes;
}
