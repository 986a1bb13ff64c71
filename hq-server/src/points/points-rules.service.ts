import type { EarnRule, PointsRule, PointsRuleBody, PointsRuleList } from '@pos/shared';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { categories } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { memberLevels } from '../pricing/pricing.tables';
import { pointsRules } from './points.tables';

type Row = typeof pointsRules.$inferSelect;

const toRule = (row: Row): PointsRule => ({
  id: row.id, name: row.name, memberLevelId: row.memberLevelId, categoryId: row.categoryId, rateBp: row.rateBp,
  validFrom: row.validFrom, validTo: row.validTo, active: row.active, updatedAt: row.updatedAt.toISOString(),
});

export async function listPointsRules(db: Db, chainId: string): Promise<PointsRuleList> {
  const rows = await db.select().from(pointsRules).where(eq(pointsRules.chainId, chainId)).orderBy(asc(pointsRules.name), asc(pointsRules.id));
  return { items: rows.map(toRule) };
}

/** The chain's active rules as the earning engine reads them. */
export async function activeEarnRules(db: Db, chainId: string): Promise<EarnRule[]> {
  return db.select({ id: pointsRules.id, memberLevelId: pointsRules.memberLevelId, categoryId: pointsRules.categoryId, rateBp: pointsRules.rateBp, validFrom: pointsRules.validFrom, validTo: pointsRules.validTo })
    .from(pointsRules).where(and(eq(pointsRules.chainId, chainId), eq(pointsRules.active, true)));
}

/** A rule names a level and a category of the chain, or none. */
async function checkReferences(db: Db, chainId: string, body: PointsRuleBody): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  if (body.memberLevelId !== null && (await db.$count(memberLevels, and(eq(memberLevels.chainId, chainId), eq(memberLevels.id, body.memberLevelId)))) === 0) {
    problems.push({ path: 'memberLevelId', message: 'no such member level in this chain' });
  }
  if (body.categoryId !== null && (await db.$count(categories, and(eq(categories.chainId, chainId), eq(categories.id, body.categoryId)))) === 0) {
    problems.push({ path: 'categoryId', message: 'no such category in this chain' });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'the rule names what the chain does not have', problems);
}

async function findRule(db: Db, chainId: string, id: string): Promise<PointsRule> {
  const [row] = await db.select().from(pointsRules).where(and(eq(pointsRules.chainId, chainId), eq(pointsRules.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'no such points rule');
  return toRule(row);
}

export async function createPointsRule({ db, clock }: Deps, principal: Principal, body: PointsRuleBody): Promise<PointsRule> {
  await checkReferences(db, principal.chainId, body);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(pointsRules).values({ chainId: principal.chainId, id: newId(clock), ...body, updatedAt: clock() }).returning();
    const rule = toRule(row!);
    await recordAudit(tx, principal, clock, { entity: 'points_rule', entityId: rule.id, action: 'create', before: null, after: rule });
    return rule;
  });
}

export async function updatePointsRule({ db, clock }: Deps, principal: Principal, id: string, body: PointsRuleBody): Promise<PointsRule> {
  await checkReferences(db, principal.chainId, body);
  return db.transaction(async (tx) => {
    const before = await findRule(tx, principal.chainId, id);
    const [row] = await tx.update(pointsRules).set({ ...body, updatedAt: clock() }).where(and(eq(pointsRules.chainId, principal.chainId), eq(pointsRules.id, id))).returning();
    const rule = toRule(row!);
    await recordAudit(tx, principal, clock, { entity: 'points_rule', entityId: id, action: 'update', before: { ...before, updatedAt: rule.updatedAt }, after: rule });
    return rule;
  });
}

/** Deletes a rule: points already earned stay as they were posted. */
export async function deletePointsRule({ db, clock }: Deps, principal: Principal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findRule(tx, principal.chainId, id);
    await tx.delete(pointsRules).where(and(eq(pointsRules.chainId, principal.chainId), eq(pointsRules.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'points_rule', entityId: id, action: 'delete', before, after: null });
  });
}
