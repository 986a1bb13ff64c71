import { periodByKey, type CommissionFigures, type CommissionPeriodOverview } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { storeInScope, storesInScope, type StoreInScope } from '../http/scope';
import { clerks } from '../org/org.tables';
import { commissionResults, commissionStorePeriods, commissionTargets, counters } from './commission.tables';
import { cycleStartDay } from './commission-inputs';
import type { Measures } from './work-store-period';

/** The stores a request is about: one the caller sees, or all they see. */
export async function storesAsked(db: Db, principal: Principal, storeId: string | undefined): Promise<StoreInScope[]> {
  return storeId ? [await storeInScope(db, principal, storeId)] : storesInScope(db, principal);
}

type ResultRow = typeof commissionResults.$inferSelect;

const emptyFigures = (): CommissionFigures => ({ salesMinor: 0, personalMinor: 0, clawbackMinor: 0, lateMinor: 0, poolShareMinor: 0, adjustmentMinor: 0, totalMinor: 0 });

/** A clerk's figures from their result rows; their sales are the month's sales as the tiers measured them (their shares, less returns). */
export function figuresOf(rows: readonly ResultRow[], salesMinor: number): CommissionFigures {
  const f = emptyFigures();
  f.salesMinor = salesMinor;
  for (const r of rows) {
    if (r.kind === 'sales') f.personalMinor += r.amountMinor;
    if (r.kind === 'clawback') f.clawbackMinor += r.amountMinor;
    if (r.kind === 'late_sale') f.lateMinor += r.amountMinor;
    if (r.kind === 'pool_share') f.poolShareMinor += r.amountMinor;
    if (r.kind === 'adjustment') f.adjustmentMinor += r.amountMinor;
    f.totalMinor += r.amountMinor;
  }
  return f;
}

/**
 * A period's commission over the stores asked (营业员结算), as last worked out: each store's state,
 * each clerk's figures with their target, each pool's takings. It reads what is stored; working
 * the period out again is its own request, and a close does it a last time.
 */
export async function periodOverview(db: Db, principal: Principal, periodKey: string, storeId: string | undefined): Promise<CommissionPeriodOverview> {
  const chainId = principal.chainId;
  const span = periodByKey(periodKey, await cycleStartDay(db, chainId));
  const visible = await storesAsked(db, principal, storeId);
  const ids = visible.map((s) => s.id);
  if (ids.length === 0) return { period: span, stores: [], clerks: [], pools: [], totals: { clerksMinor: 0, unassignedMinor: 0 } };
  const [results, states, targets, counterRows] = await Promise.all([
    db.select().from(commissionResults).where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, periodKey), inArray(commissionResults.storeId, ids))),
    db.select().from(commissionStorePeriods).where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, periodKey), inArray(commissionStorePeriods.storeId, ids))),
    db.select().from(commissionTargets).where(and(eq(commissionTargets.chainId, chainId), eq(commissionTargets.periodKey, periodKey), inArray(commissionTargets.storeId, ids))),
    db.select({ id: counters.id, name: counters.name, storeId: counters.storeId }).from(counters).where(and(eq(counters.chainId, chainId), inArray(counters.storeId, ids))),
  ]);
  const stateOf = new Map(states.map((s) => [s.storeId, s]));
  const targetOf = new Map(targets.map((t) => [`${t.kind}:${t.subjectId}`, t.amountMinor]));
  const measured = new Map<string, number>();
  for (const s of states) for (const [clerkId, minor] of Object.entries((s.measures as Measures).clerks)) measured.set(clerkId, (measured.get(clerkId) ?? 0) + minor);

  const byClerk = new Map<string, ResultRow[]>();
  const byPool = new Map<string, ResultRow[]>();
  for (const r of results) {
    const into = r.beneficiaryKind === 'clerk' ? byClerk : byPool;
    into.set(r.beneficiaryId, [...(into.get(r.beneficiaryId) ?? []), r]);
  }
  for (const t of targets) if (t.kind === 'clerk' && !byClerk.has(t.subjectId)) byClerk.set(t.subjectId, []);
  const clerkIds = [...byClerk.keys()];
  const people = clerkIds.length ? await db.select({ id: clerks.id, code: clerks.code, name: clerks.name, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, chainId), inArray(clerks.id, clerkIds))) : [];
  const clerkRows = people
    .map((p) => ({ clerkId: p.id, code: p.code, name: p.name, storeId: p.storeId, targetMinor: targetOf.get(`clerk:${p.id}`) ?? null, ...figuresOf(byClerk.get(p.id)!, measured.get(p.id) ?? 0) }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));

  const storeName = new Map(visible.map((s) => [s.id, s]));
  const counterOf = new Map(counterRows.map((c) => [c.id, c]));
  const sum = (rows: readonly ResultRow[], kind: ResultRow['kind']) => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.amountMinor, 0);
  const pools = [...byPool.entries()].map(([poolId, rows]) => {
    const counter = counterOf.get(poolId);
    const store = storeName.get(counter?.storeId ?? poolId) ?? storeName.get(rows[0]!.storeId)!;
    return {
      poolId, storeId: store.id, name: counter ? `${store.nameZh} · ${counter.name}` : store.nameZh,
      takenMinor: sum(rows, 'pool_total'), clawbackMinor: sum(rows, 'clawback'), unassignedMinor: sum(rows, 'unassigned'), targetMinor: targetOf.get(`pool:${poolId}`) ?? null,
    };
  }).sort((a, b) => (a.name < b.name ? -1 : 1));

  return {
    period: span,
    stores: visible.map((s) => {
      const state = stateOf.get(s.id);
      return { storeId: s.id, code: s.code, name: s.nameZh, status: state?.closedAt ? 'closed' as const : 'open' as const, computedAt: state?.computedAt.toISOString() ?? null, closedAt: state?.closedAt?.toISOString() ?? null };
    }),
    clerks: clerkRows,
    pools,
    totals: { clerksMinor: clerkRows.reduce((n, c) => n + c.totalMinor, 0), unassignedMinor: pools.reduce((n, p) => n + p.unassignedMinor, 0) },
  };
}
