import { createHash } from 'node:crypto';
import { periodByKey, type PeriodSpan } from '@pos/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { Deps } from '../http/app-env';
import { AppError } from '../http/errors';
import type { StoreInScope } from '../http/scope';
import { commissionAdjustments, commissionResults, commissionStorePeriods } from './commission.tables';
import { loadChainCommissionData, type ChainCommissionData } from './commission-inputs';
import { resultRowsOf, storePeriodStates, workStorePeriod, type Measures } from './work-store-period';

/**
 * What every store's figures of the chain are worked from, read once a run: plans, products,
 * categories, costs, clerks' grades and the cycle, each as a count, a newest stamp or a digest,
 * never the whole list (a chain's clerks would be megabytes a store).
 */
async function chainInputsOf(db: Db, chainId: string): Promise<Record<string, string | null>> {
  const [row] = await query<Record<string, string | null>>(db, sql`
    select
      (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from commission_plans where chain_id = ${chainId}) as plans,
      (select coalesce(max(change_seq), 0)::text from products where chain_id = ${chainId}) as products,
      (select coalesce(max(change_seq), 0)::text from categories where chain_id = ${chainId}) as categories,
      (select count(*)::text || ':' || coalesce(max(entered_at)::text, '') from product_costs where chain_id = ${chainId}) as costs,
      (select md5(coalesce(string_agg(id::text || coalesce(commission_grade, ''), ',' order by id), '')) from clerks where chain_id = ${chainId}) as grades,
      (select coalesce(max(cycle_start_day), 1)::text from commission_settings where chain_id = ${chainId}) as cycle`);
  return row!;
}

/** What a store's figures for a period are worked from, with the chain's (`chainInputsOf`), as one hash: unchanged inputs give the same hash, and the store is not worked again. */
async function fingerprintOf(db: Db, chainId: string, storeId: string, span: PeriodSpan, firstClosedAt: Date | null, chainInputs: Record<string, string | null>): Promise<string> {
  const [row] = await query<Record<string, string | null>>(db, sql`
    select
      (select count(*)::text || ':' || coalesce(max(received_at)::text, '') from sales where chain_id = ${chainId} and store_id = ${storeId} and business_date between ${span.from} and ${span.to}) as sales,
      (select count(*)::text || ':' || coalesce(max(received_at)::text, '') from returns
        where chain_id = ${chainId} and original_store_id = ${storeId} and business_date between ${span.from} and ${span.to}) as returns,
      (select count(*)::text || ':' || coalesce(max(received_at)::text, '') from sales where chain_id = ${chainId} and store_id = ${storeId}
        and received_at > ${firstClosedAt ? sql`${firstClosedAt.toISOString()}::timestamptz` : sql`'infinity'::timestamptz`} and business_date < ${span.from}) as late,
      (select coalesce(string_agg(kind::text || subject_id::text || amount_minor::text, ',' order by kind, subject_id), '') from commission_targets
        where chain_id = ${chainId} and store_id = ${storeId} and period_key = ${span.key}) as targets,
      (select count(*)::text || ':' || coalesce(sum(minutes), 0)::text || ':' || coalesce(sum(hashtext(pool_id::text || clerk_id::text || date::text || minutes::text)::bigint), 0)::text
        from commission_duty where chain_id = ${chainId} and store_id = ${storeId} and date between ${span.from} and ${span.to}) as duty,
      (select coalesce(string_agg(id::text || active::text || array_to_string(category_ids, ','), ';' order by id), '') from counters where chain_id = ${chainId} and store_id = ${storeId}) as counters,
      (select coalesce(string_agg(id::text || amount_minor::text, ',' order by id), '') from commission_adjustments where chain_id = ${chainId} and store_id = ${storeId} and period_key = ${span.key}) as adjustments,
      (select coalesce(string_agg(period_key || closed_at::text, ',' order by period_key), '') from commission_store_periods where chain_id = ${chainId} and store_id = ${storeId} and closed_at is not null) as closed`);
  return createHash('sha256').update(JSON.stringify({ ...row, ...chainInputs })).digest('hex');
}

const measuresOf = (m: { clerks: ReadonlyMap<string, number>; pools: ReadonlyMap<string, number> }): Measures => ({
  clerks: Object.fromEntries([...m.clerks].sort(([a], [b]) => (a < b ? -1 : 1))),
  pools: Object.fromEntries([...m.pools].sort(([a], [b]) => (a < b ? -1 : 1))),
});

export interface WorkOutcome {
  /** Stores whose figures were worked out again. */
  worked: number;
  /** Stores whose inputs had not changed since, or whose period is closed. */
  unchanged: number;
}

/** Works out one store's period again (unless its inputs are unchanged or it is closed) and writes its figures in place of the last. */
async function workStore(deps: Pick<Deps, 'db' | 'clock'>, chainId: string, store: StoreInScope, chain: ChainCommissionData, chainInputs: Record<string, string | null>, periodKey: string, force: boolean): Promise<boolean> {
  const { db } = deps;
  const states = await storePeriodStates(db, chainId, store.id);
  const own = states.get(periodKey);
  if (own?.closedAt) return false;
  const span = periodByKey(periodKey, chain.cycleStartDay);
  const firstClosed = [...states.values()].filter((s) => s.closedAt !== null && s.periodKey < periodKey).map((s) => s.closedAt!.getTime());
  const fingerprint = await fingerprintOf(db, chainId, store.id, span, firstClosed.length > 0 ? new Date(Math.min(...firstClosed)) : null, chainInputs);
  if (!force && own) {
    const [row] = await db.select({ fingerprint: commissionStorePeriods.fingerprint }).from(commissionStorePeriods)
      .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, periodKey), eq(commissionStorePeriods.storeId, store.id)));
    if (row?.fingerprint === fingerprint) return false;
  }
  const run = await workStorePeriod(db, chainId, store.id, chain, periodKey, states);
  const adjustments = await db.select().from(commissionAdjustments)
    .where(and(eq(commissionAdjustments.chainId, chainId), eq(commissionAdjustments.storeId, store.id), eq(commissionAdjustments.periodKey, periodKey)));
  const rows = resultRowsOf(run, adjustments.map((a) => ({ beneficiary: { kind: a.beneficiaryKind as 'clerk' | 'pool', id: a.beneficiaryId }, amountMinor: a.amountMinor, originPeriod: a.originPeriod })));
  await db.transaction(async (tx) => {
    // A close between the work and the write wins: a closed period's figures are never replaced.
    await tx.insert(commissionStorePeriods).values({ chainId, periodKey, storeId: store.id, fingerprint: '', computedAt: deps.clock(), measures: { clerks: {}, pools: {} } }).onConflictDoNothing();
    const [locked] = await tx.select({ closedAt: commissionStorePeriods.closedAt }).from(commissionStorePeriods)
      .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, periodKey), eq(commissionStorePeriods.storeId, store.id))).for('update');
    if (locked?.closedAt) return;
    await tx.delete(commissionResults).where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, periodKey), eq(commissionResults.storeId, store.id)));
    for (let at = 0; at < rows.length; at += 1000) {
      await tx.insert(commissionResults).values(rows.slice(at, at + 1000).map((r) => ({
        chainId, periodKey, storeId: store.id, franchiseeId: store.franchiseeId, beneficiaryKind: r.beneficiary.kind, beneficiaryId: r.beneficiary.id,
        kind: r.kind, originPeriod: r.originPeriod, baseMinor: r.baseMinor, amountMinor: r.amountMinor, lines: r.lines,
      })));
    }
    await tx.update(commissionStorePeriods).set({ fingerprint, computedAt: deps.clock(), measures: measuresOf(run.main.measures) })
      .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, periodKey), eq(commissionStorePeriods.storeId, store.id)));
  });
  return true;
}

/**
 * Works out the period's commission for the given stores from the sales ledger, store by store,
 * skipping a store whose inputs have not changed since it was last worked out (`force` works every
 * open one again) and never touching a closed one. Running it twice gives the same figures.
 */
export async function workCommissionPeriod(deps: Pick<Deps, 'db' | 'clock'>, chainId: string, stores: readonly StoreInScope[], periodKey: string, options: { force?: boolean; parallel?: number } = {}): Promise<WorkOutcome> {
  const [chain, chainInputs] = await Promise.all([loadChainCommissionData(deps.db, chainId), chainInputsOf(deps.db, chainId)]);
  periodByKey(periodKey, chain.cycleStartDay);
  const queue = [...stores];
  const outcome: WorkOutcome = { worked: 0, unchanged: 0 };
  const worker = async () => {
    for (let store = queue.shift(); store; store = queue.shift()) {
      if (await workStore(deps, chainId, store, chain, chainInputs, periodKey, options.force ?? false)) outcome.worked += 1;
      else outcome.unchanged += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 1) }, worker));
  return outcome;
}

/**
 * Closes the period for the given stores (营业员结算): their figures are worked out a last time
 * and fixed, with who closed them. A period closes only once it has ended in every store's time
 * zone; a store already closed stays as it was.
 */
export async function closeCommissionPeriod(deps: Deps, chainId: string, stores: readonly StoreInScope[], periodKey: string, closedBy: string): Promise<{ closed: number }> {
  const chain = await loadChainCommissionData(deps.db, chainId);
  const span = periodByKey(periodKey, chain.cycleStartDay);
  const now = deps.clock();
  for (const store of stores) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: store.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    if (today <= span.to) throw new AppError('PERIOD_NOT_ENDED', `the period ${periodKey} runs until ${span.to} in store ${store.code}`, { to: span.to });
  }
  await workCommissionPeriod(deps, chainId, stores, periodKey);
  const ids = stores.map((s) => s.id);
  if (ids.length === 0) return { closed: 0 };
  const closed = await deps.db.update(commissionStorePeriods).set({ closedAt: now, closedBy })
    .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, periodKey), inArray(commissionStorePeriods.storeId, ids), isNull(commissionStorePeriods.closedAt)))
    .returning({ storeId: commissionStorePeriods.storeId });
  return { closed: closed.length };
}
