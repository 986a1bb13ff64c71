import { periodByKey, type CommissionPlan, type CommissionPlanBody } from '@pos/shared';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId } from '../ids';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { officePrincipal } from '../http/require-role';
import { AppError } from '../http/errors';
import { commissionPlans, commissionStorePeriods } from './commission.tables';
import { cycleStartDay, loadPlans, planOfRow } from './commission-inputs';

const overlaps = (a: Pick<CommissionPlan, 'validFrom' | 'validTo'>, b: Pick<CommissionPlan, 'validFrom' | 'validTo'>) =>
  (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);

/** The last business day any store of the chain has closed commission for, or null. */
async function lastClosedDay(db: Db, chainId: string): Promise<string | null> {
  const [row] = await db.select({ key: sql<string | null>`max(${commissionStorePeriods.periodKey})` }).from(commissionStorePeriods)
    .where(and(eq(commissionStorePeriods.chainId, chainId), isNotNull(commissionStorePeriods.closedAt)));
  if (!row?.key) return null;
  return periodByKey(row.key, await cycleStartDay(db, chainId)).to;
}

/** JSON with every object's keys sorted, so two equal plans read alike whatever order their keys came in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

const sameExceptEnd = (body: CommissionPlanBody, plan: CommissionPlan) =>
  canonical({ ...body, validTo: null }) === canonical({ ...plan, id: undefined, validTo: null, rules: plan.rules.map(({ id: _id, ...rule }) => rule) });

/**
 * Checks a version before it is saved: no other version may cover any of its days, and what paid
 * a closed period stays as it paid it. A version in force on a settled day may only be given an
 * end after that day (so a new version can take over); a new version starts after it.
 */
async function checkVersion(db: Db, chainId: string, body: CommissionPlanBody, replacing: CommissionPlan | null): Promise<void> {
  const others = (await loadPlans(db, chainId)).filter((p) => p.id !== replacing?.id);
  const clash = others.find((p) => overlaps(p, body));
  if (clash) throw new AppError('CONFLICT', `the plan "${clash.name}" already covers some of these days`, { planId: clash.id });
  const settled = await lastClosedDay(db, chainId);
  if (settled === null) return;
  const fixed = replacing ? replacing.validFrom <= settled : body.validFrom <= settled;
  const allowed = replacing !== null && sameExceptEnd(body, replacing) && (body.validTo === null || body.validTo >= settled);
  if (fixed && !allowed) {
    throw new AppError('PERIOD_CLOSED', `commission is closed up to ${settled}: a version in force then keeps its rules, and a new one starts after that day`, { closedUpTo: settled });
  }
}

function rowOf(chainId: string, id: string, body: CommissionPlanBody, updatedBy: string | null, updatedAt: Date, ruleIds: readonly string[] = []) {
  return {
    chainId, id, name: body.name, validFrom: body.validFrom, validTo: body.validTo, exclusions: body.exclusions, poolShare: body.poolShare,
    gradeWeights: body.gradeWeights, rules: body.rules.map((r, i) => ({ id: ruleIds[i] ?? '', ...r })), updatedBy, updatedAt,
  };
}

export async function listPlans(db: Db, chainId: string): Promise<CommissionPlan[]> {
  return loadPlans(db, chainId);
}

export async function createPlan(deps: Deps, principal: Principal, body: CommissionPlanBody): Promise<CommissionPlan> {
  const { chainId, userId } = officePrincipal(principal);
  await checkVersion(deps.db, chainId, body, null);
  const row = rowOf(chainId, newId(deps.clock), body, userId, deps.clock(), body.rules.map(() => newId(deps.clock)));
  const plan = planOfRow(row);
  await deps.db.transaction(async (tx) => {
    await tx.insert(commissionPlans).values(row);
    await recordAudit(tx, principal, deps.clock, { entity: 'commission_plan', entityId: plan.id, action: 'create', before: null, after: plan });
  });
  return plan;
}

export async function updatePlan(deps: Deps, principal: Principal, id: string, body: CommissionPlanBody): Promise<CommissionPlan> {
  const { chainId, userId } = officePrincipal(principal);
  const [current] = await deps.db.select().from(commissionPlans).where(and(eq(commissionPlans.chainId, chainId), eq(commissionPlans.id, id)));
  if (!current) throw new AppError('NOT_FOUND', 'no such commission plan');
  const plan = planOfRow(current);
  // A rule kept in its place keeps its id, so statements that named it still do.
  const ruleIds = body.rules.map((_, i) => plan.rules[i]?.id ?? newId(deps.clock));
  await checkVersion(deps.db, chainId, body, plan);
  const row = rowOf(chainId, id, body, userId, deps.clock(), ruleIds);
  const changed = planOfRow(row);
  await deps.db.transaction(async (tx) => {
    await tx.update(commissionPlans).set(row).where(and(eq(commissionPlans.chainId, chainId), eq(commissionPlans.id, id)));
    await recordAudit(tx, principal, deps.clock, { entity: 'commission_plan', entityId: id, action: 'update', before: plan, after: changed });
  });
  return changed;
}

export async function deletePlan(deps: Deps, principal: Principal, id: string): Promise<void> {
  const { db } = deps;
  const chainId = principal.chainId;
  const [current] = await db.select().from(commissionPlans).where(and(eq(commissionPlans.chainId, chainId), eq(commissionPlans.id, id)));
  if (!current) throw new AppError('NOT_FOUND', 'no such commission plan');
  const settled = await lastClosedDay(db, chainId);
  if (settled !== null && current.validFrom <= settled) throw new AppError('PERIOD_CLOSED', `commission is closed up to ${settled}: a version in force then is kept`, { closedUpTo: settled });
  await db.transaction(async (tx) => {
    await tx.delete(commissionPlans).where(and(eq(commissionPlans.chainId, chainId), eq(commissionPlans.id, id)));
    await recordAudit(tx, principal, deps.clock, { entity: 'commission_plan', entityId: id, action: 'delete', before: planOfRow(current), after: null });
  });
}
