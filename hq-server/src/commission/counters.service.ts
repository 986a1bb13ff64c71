import type { Counter, CounterBody } from '@pos/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { categories } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { newId } from '../ids';
import { counters } from './commission.tables';

const toCounter = (row: typeof counters.$inferSelect): Counter => ({ id: row.id, storeId: row.storeId, code: row.code, name: row.name, categoryIds: row.categoryIds, active: row.active });

export async function listCounters(db: Db, principal: Principal, storeId: string): Promise<Counter[]> {
  await storeInScope(db, principal, storeId);
  const rows = await db.select().from(counters).where(and(eq(counters.chainId, principal.chainId), eq(counters.storeId, storeId))).orderBy(asc(counters.code));
  return rows.map(toCounter);
}

/** The categories a counter names must be the chain's. */
async function checkCategories(db: Db, chainId: string, ids: readonly string[]): Promise<void> {
  const found = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.chainId, chainId), inArray(categories.id, [...ids])));
  const known = new Set(found.map((c) => c.id));
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', 'no such category in this chain', missing.map(({ i }) => ({ path: `categoryIds.${i}`, message: 'no such category' })));
}

/** Adds a counter to a store the caller sees; its code is the store's own. A counter's lines pay its pool from the next time a period is worked out. */
export async function createCounter({ db, clock }: Deps, principal: Principal, body: CounterBody): Promise<Counter> {
  await storeInScope(db, principal, body.storeId);
  await checkCategories(db, principal.chainId, body.categoryIds);
  const row = { chainId: principal.chainId, id: newId(clock), ...body };
  await db.insert(counters).values(row);
  return toCounter(row);
}

/** Changes a counter (its name, categories or whether it is in use); it stays at its store. */
export async function updateCounter({ db }: Deps, principal: Principal, id: string, body: CounterBody): Promise<Counter> {
  const [current] = await db.select().from(counters).where(and(eq(counters.chainId, principal.chainId), eq(counters.id, id)));
  if (!current) throw new AppError('NOT_FOUND', 'no such counter');
  await storeInScope(db, principal, current.storeId);
  if (body.storeId !== current.storeId) throw new AppError('VALIDATION_FAILED', 'a counter stays at its store', [{ path: 'storeId', message: 'not the counter’s store' }]);
  await checkCategories(db, principal.chainId, body.categoryIds);
  const [row] = await db.update(counters).set({ code: body.code, name: body.name, categoryIds: body.categoryIds, active: body.active })
    .where(and(eq(counters.chainId, principal.chainId), eq(counters.id, id))).returning();
  return toCounter(row!);
}
