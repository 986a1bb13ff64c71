import type { TopUpRule, TopUpRuleBody, TopUpRuleList } from '@pos/shared';
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { topUpRules } from './stored-value.tables';

type Row = typeof topUpRules.$inferSelect;

const toRule = (row: Row): TopUpRule => ({
  id: row.id, name: row.name, minTopUpMinor: row.minTopUpMinor as TopUpRule['minTopUpMinor'], bonusMinor: row.bonusMinor as TopUpRule['bonusMinor'],
  startsOn: row.startsOn, endsOn: row.endsOn, active: row.active, updatedAt: row.updatedAt.toISOString(),
});

export async function listTopUpRules(db: Db, chainId: string): Promise<TopUpRuleList> {
  const rows = await db.select().from(topUpRules).where(eq(topUpRules.chainId, chainId)).orderBy(desc(topUpRules.active), asc(topUpRules.minTopUpMinor), asc(topUpRules.name));
  return { items: rows.map(toRule) };
}

/** The rule a top-up of this amount on this store-local day earns: the largest bonus among the active rules it reaches, running that day. */
export async function bestTopUpRule(db: Db, chainId: string, amountMinor: number, day: string): Promise<TopUpRule | null> {
  const [row] = await db.select().from(topUpRules)
    .where(and(
      eq(topUpRules.chainId, chainId), eq(topUpRules.active, true), lte(topUpRules.minTopUpMinor, amountMinor),
      or(isNull(topUpRules.startsOn), lte(topUpRules.startsOn, day)), or(isNull(topUpRules.endsOn), gte(topUpRules.endsOn, day)),
    ))
    .orderBy(desc(topUpRules.bonusMinor), desc(topUpRules.minTopUpMinor), asc(topUpRules.id))
    .limit(1);
  return row ? toRule(row) : null;
}

export async function createTopUpRule({ db, clock }: Deps, principal: Principal, body: TopUpRuleBody): Promise<TopUpRule> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(topUpRules).values({ chainId: principal.chainId, id: newId(clock), ...body, updatedAt: clock() }).returning();
    const rule = toRule(row!);
    await recordAudit(tx, principal, clock, { entity: 'top_up_rule', entityId: rule.id, action: 'create', before: null, after: rule });
    return rule;
  });
}

export async function updateTopUpRule({ db, clock }: Deps, principal: Principal, id: string, body: TopUpRuleBody): Promise<TopUpRule> {
  return db.transaction(async (tx) => {
    const thisRule = and(eq(topUpRules.chainId, principal.chainId), eq(topUpRules.id, id));
    const [before] = await tx.select().from(topUpRules).where(thisRule).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'no top-up rule of the chain has this id');
    const [row] = await tx.update(topUpRules).set({ ...body, updatedAt: clock() }).where(thisRule).returning();
    const rule = toRule(row!);
    await recordAudit(tx, principal, clock, { entity: 'top_up_rule', entityId: id, action: 'update', before: { ...toRule(before), updatedAt: undefined }, after: { ...rule, updatedAt: undefined } });
    return rule;
  });
}
