import { periodOf, type CommissionAdjustment, type CommissionAdjustmentBody, type CommissionDutyDay, type CommissionTargets } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { officePrincipal } from '../http/require-role';
import { newId } from '../ids';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { clerks } from '../org/org.tables';
import { commissionAdjustments, commissionDuty, commissionStorePeriods, commissionTargets, counters } from './commission.tables';
import { cycleStartDay } from './commission-inputs';

/** Refuses a change to a store's period once it is closed: its figures were settled with what it held then. */
async function refuseClosed(db: Db, chainId: string, storeId: string, periodKey: string): Promise<void> {
  const [state] = await db.select({ closedAt: commissionStorePeriods.closedAt }).from(commissionStorePeriods)
    .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, periodKey), eq(commissionStorePeriods.storeId, storeId)));
  if (state?.closedAt) throw new AppError('PERIOD_CLOSED', `${periodKey} is closed for this store`, { period: periodKey });
}

/** The clerks and pools (the store's counters and its own pool) a store's targets and duty may name. */
async function storeSubjects(db: Db, chainId: string, storeId: string): Promise<{ clerks: Set<string>; pools: Set<string> }> {
  const [people, pools] = await Promise.all([
    db.select({ id: clerks.id }).from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.storeId, storeId))),
    db.select({ id: counters.id }).from(counters).where(and(eq(counters.chainId, chainId), eq(counters.storeId, storeId))),
  ]);
  return { clerks: new Set(people.map((c) => c.id)), pools: new Set([storeId, ...pools.map((p) => p.id)]) };
}

export async function loadTargets(db: Db, principal: Principal, periodKey: string, storeId: string): Promise<CommissionTargets> {
  await storeInScope(db, principal, storeId);
  const rows = await db.select().from(commissionTargets)
    .where(and(eq(commissionTargets.chainId, principal.chainId), eq(commissionTargets.periodKey, periodKey), eq(commissionTargets.storeId, storeId)));
  return { period: periodKey, storeId, targets: rows.map((r) => ({ kind: r.kind, subjectId: r.subjectId, amountMinor: r.amountMinor })) };
}

/** Sets a store's targets for a period as given: those named are set, the others removed. Refused once the period is closed there. */
export async function saveTargets(db: Db, principal: Principal, body: CommissionTargets): Promise<CommissionTargets> {
  const chainId = principal.chainId;
  await storeInScope(db, principal, body.storeId);
  await refuseClosed(db, chainId, body.storeId, body.period);
  const known = await storeSubjects(db, chainId, body.storeId);
  const unknown = body.targets.map((t, i) => ({ t, i })).filter(({ t }) => !(t.kind === 'clerk' ? known.clerks : known.pools).has(t.subjectId));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'a target names a clerk or pool of another store', unknown.map(({ i }) => ({ path: `targets.${i}.subjectId`, message: 'not of this store' })));
  await db.transaction(async (tx) => {
    await tx.delete(commissionTargets).where(and(eq(commissionTargets.chainId, chainId), eq(commissionTargets.periodKey, body.period), eq(commissionTargets.storeId, body.storeId)));
    if (body.targets.length) await tx.insert(commissionTargets).values(body.targets.map((t) => ({ chainId, periodKey: body.period, storeId: body.storeId, ...t })));
  });
  return body;
}

export async function loadDuty(db: Db, principal: Principal, storeId: string, date: string): Promise<CommissionDutyDay> {
  await storeInScope(db, principal, storeId);
  const rows = await db.select({ poolId: commissionDuty.poolId, clerkId: commissionDuty.clerkId, minutes: commissionDuty.minutes }).from(commissionDuty)
    .where(and(eq(commissionDuty.chainId, principal.chainId), eq(commissionDuty.storeId, storeId), eq(commissionDuty.date, date)));
  return { storeId, date, entries: rows };
}

/** Sets who was on duty in a store's pools on a day, replacing what the day held. Refused once the day's period is closed there. */
export async function saveDuty(db: Db, principal: Principal, body: CommissionDutyDay): Promise<CommissionDutyDay> {
  const chainId = principal.chainId;
  await storeInScope(db, principal, body.storeId);
  await refuseClosed(db, chainId, body.storeId, periodOf(body.date, await cycleStartDay(db, chainId)).key);
  const known = await storeSubjects(db, chainId, body.storeId);
  const unknown = body.entries.flatMap((e, i) => [
    ...(known.pools.has(e.poolId) ? [] : [{ path: `entries.${i}.poolId`, message: 'not a pool of this store' }]),
    ...(known.clerks.has(e.clerkId) ? [] : [{ path: `entries.${i}.clerkId`, message: 'not a clerk of this store' }]),
  ]);
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'the duty names a clerk or pool of another store', unknown);
  await db.transaction(async (tx) => {
    await tx.delete(commissionDuty).where(and(eq(commissionDuty.chainId, chainId), eq(commissionDuty.storeId, body.storeId), eq(commissionDuty.date, body.date)));
    if (body.entries.length) await tx.insert(commissionDuty).values(body.entries.map((e) => ({ chainId, storeId: body.storeId, date: body.date, ...e })));
  });
  return body;
}


/**
 * Records a change by hand to a closed period's figures (调整), into an open period of the same
 * store with its reason: the closed period stays as it closed, and the change shows in the open
 * one's statement and total. The origin must be closed there and the period it goes into open.
 */
export async function addAdjustment(deps: Deps, principal: Principal, body: CommissionAdjustmentBody): Promise<CommissionAdjustment> {
  const { db } = deps;
  const chainId = principal.chainId;
  const by = officePrincipal(principal);
  await storeInScope(db, principal, body.storeId);
  await refuseClosed(db, chainId, body.storeId, body.period);
  const [origin] = await db.select({ closedAt: commissionStorePeriods.closedAt }).from(commissionStorePeriods)
    .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, body.originPeriod), eq(commissionStorePeriods.storeId, body.storeId)));
  if (!origin?.closedAt) throw new AppError('VALIDATION_FAILED', 'only a closed period is adjusted; an open one is worked out again', [{ path: 'originPeriod', message: 'not closed for this store' }]);
  const known = await storeSubjects(db, chainId, body.storeId);
  if (!(body.beneficiary.kind === 'clerk' ? known.clerks : known.pools).has(body.beneficiary.id)) {
    throw new AppError('VALIDATION_FAILED', 'the adjustment names a clerk or pool of another store', [{ path: 'beneficiary.id', message: 'not of this store' }]);
  }
  const row = {
    chainId, id: newId(deps.clock), periodKey: body.period, storeId: body.storeId, beneficiaryKind: body.beneficiary.kind, beneficiaryId: body.beneficiary.id,
    amountMinor: body.amountMinor, reason: body.reason, originPeriod: body.originPeriod, createdBy: by.userId, createdAt: deps.clock(),
  };
  await db.insert(commissionAdjustments).values(row);
  return { id: row.id, createdAt: row.createdAt.toISOString(), period: body.period, originPeriod: body.originPeriod, storeId: body.storeId, beneficiary: body.beneficiary, amountMinor: body.amountMinor, reason: body.reason };
}
