import type { Assortment, AssortmentBody } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { assortmentItems, products, storeAssortments } from './catalog.tables';

/** The database or a transaction on it. */
type Executor = Pick<Db, 'select' | 'insert' | 'update'>;

const chunkSize = 1000;
const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, i) => items.slice(i * chunkSize, (i + 1) * chunkSize));

/** Carrying the whole catalog is "all except nothing", so a store's answer always has the same shape, on HQ and on the till. */
const wholeCatalog = (storeId: string): Assortment => ({ storeId, mode: 'all_except', productIds: [] });

async function readAssortment(db: Executor, chainId: string, storeId: string): Promise<Assortment> {
  const inStore = (table: typeof storeAssortments | typeof assortmentItems) => and(eq(table.chainId, chainId), eq(table.storeId, storeId));
  const [row] = await db.select({ mode: storeAssortments.mode }).from(storeAssortments).where(inStore(storeAssortments));
  if (!row) return wholeCatalog(storeId);
  const items = await db.select({ productId: assortmentItems.productId }).from(assortmentItems)
    .where(and(inStore(assortmentItems), eq(assortmentItems.active, true))).orderBy(assortmentItems.productId);
  return { storeId, mode: row.mode, productIds: items.map((item) => item.productId) };
}

/** Refuses the whole list, naming each id, when any product is not in the chain's catalog. */
async function checkProducts(db: Db, chainId: string, productIds: readonly string[]): Promise<void> {
  const known = new Set<string>();
  for (const part of chunks(productIds)) {
    const rows = await db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), inArray(products.id, part)));
    for (const row of rows) known.add(row.id);
  }
  const problems = productIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: `productIds.${index}`, message: `no such product ${id}` }]));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'the assortment names products HQ does not know', problems);
}

/**
 * Writes only what changed: products off the list stay with `active` false (tills must hear
 * of it), new or returning ones are inserted or made active again.
 */
async function writeItems(tx: Executor, chainId: string, storeId: string, productIds: readonly string[]): Promise<void> {
  const inStore = and(eq(assortmentItems.chainId, chainId), eq(assortmentItems.storeId, storeId));
  const current = await tx.select({ productId: assortmentItems.productId }).from(assortmentItems).where(and(inStore, eq(assortmentItems.active, true)));
  const wanted = new Set(productIds);
  const listed = new Set(current.map((item) => item.productId));
  const dropped = [...listed].filter((id) => !wanted.has(id));
  const added = productIds.filter((id) => !listed.has(id));
  for (const part of chunks(dropped)) await tx.update(assortmentItems).set({ active: false }).where(and(inStore, inArray(assortmentItems.productId, part)));
  for (const part of chunks(added)) {
    await tx.insert(assortmentItems).values(part.map((productId) => ({ chainId, storeId, productId })))
      .onConflictDoUpdate({ target: [assortmentItems.chainId, assortmentItems.storeId, assortmentItems.productId], set: { active: true } });
  }
}

/** What a store in the caller's scope carries; another franchisee's store is 404, as everywhere. */
export async function getAssortment(db: Db, principal: Principal, storeId: string): Promise<Assortment> {
  await storeInScope(db, principal, storeId);
  return readAssortment(db, principal.chainId, storeId);
}

/** Replaces what a store carries, all in one transaction, after every product is known; bad input changes nothing. */
export async function replaceAssortment({ db, clock }: Deps, principal: Principal, storeId: string, body: AssortmentBody): Promise<Assortment> {
  const { chainId } = principal;
  await storeInScope(db, principal, storeId);
  await checkProducts(db, chainId, body.productIds);
  return db.transaction(async (tx) => {
    // Writing the store's row first locks it, so two replacements of one store take turns.
    const before = await readAssortment(tx, chainId, storeId);
    const mode = { mode: body.mode, updatedAt: clock() };
    await tx.insert(storeAssortments).values({ chainId, storeId, ...mode })
      .onConflictDoUpdate({ target: [storeAssortments.chainId, storeAssortments.storeId], set: mode });
    await writeItems(tx, chainId, storeId, body.productIds);
    const after = await readAssortment(tx, chainId, storeId);
    await recordAudit(tx, principal, clock, { entity: 'assortment', entityId: storeId, action: 'update', before, after, storeId });
    return after;
  });
}

/** The store carries the whole catalog again: the row stays, as `all_except` with every item inactive, so tills hear of it. */
export function clearAssortment(deps: Deps, principal: Principal, storeId: string): Promise<Assortment> {
  return replaceAssortment(deps, principal, storeId, { mode: 'all_except', productIds: [] });
}
