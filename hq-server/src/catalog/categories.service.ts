import type { Category, CategoryBody, CategoryPatch } from '@pos/shared';
import { and, asc, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { categories, products } from './catalog.tables';
import { wouldCycle } from './category-tree';

const columns = {
  id: categories.id, parentId: categories.parentId, code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn,
  sortOrder: categories.sortOrder, active: categories.active,
};

/** The chain's category tree, flat, by order then code; each row names its parent, so the office can build the tree. */
export async function listCategories(db: Db, chainId: string): Promise<Category[]> {
  return db.select(columns).from(categories).where(eq(categories.chainId, chainId)).orderBy(asc(categories.sortOrder), asc(categories.code));
}

async function findCategory(db: Db, chainId: string, id: string): Promise<Category> {
  const [row] = await db.select(columns).from(categories).where(and(eq(categories.chainId, chainId), eq(categories.id, id)));
  if (!row) throw new AppError('NOT_FOUND', `no category ${id}`);
  return row;
}

const problem = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** Refuses a parent that does not exist, is inactive, or lies below the category (a move that would close a loop). */
async function checkParent(db: Db, chainId: string, id: string | null, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const tree = await db.select({ id: categories.id, parentId: categories.parentId, active: categories.active }).from(categories).where(eq(categories.chainId, chainId));
  const parent = tree.find((c) => c.id === parentId);
  if (!parent) throw problem('parentId', `no category ${parentId}`);
  if (!parent.active) throw problem('parentId', `category ${parentId} is deactivated`);
  if (id !== null && wouldCycle(tree, id, parentId)) throw problem('parentId', 'a category cannot move under itself or one of its sub-categories');
}

async function checkCodeFree(db: Db, chainId: string, code: string, id: string | null): Promise<void> {
  const clash = await db.$count(categories, and(eq(categories.chainId, chainId), eq(categories.code, code), id ? ne(categories.id, id) : undefined));
  if (clash > 0) throw new AppError('CONFLICT', `category code ${code} is taken`, [{ path: 'code', message: `category code ${code} is taken` }]);
}

export async function createCategory({ db, clock }: Deps, principal: Principal, body: CategoryBody): Promise<Category> {
  const { chainId } = principal;
  await checkParent(db, chainId, null, body.parentId);
  await checkCodeFree(db, chainId, body.code, null);
  const row: Category = { id: newId(clock), ...body, active: true };
  await db.transaction(async (tx) => {
    await tx.insert(categories).values({ chainId, ...row });
    await recordAudit(tx, principal, clock, { entity: 'category', entityId: row.id, action: 'create', before: null, after: row });
  });
  return row;
}

/** Renames, moves or reorders a category. */
export async function updateCategory({ db, clock }: Deps, principal: Principal, id: string, patch: CategoryPatch): Promise<Category> {
  const { chainId } = principal;
  const before = await findCategory(db, chainId, id);
  if (patch.parentId !== undefined) await checkParent(db, chainId, id, patch.parentId);
  if (patch.code !== undefined) await checkCodeFree(db, chainId, patch.code, id);
  const after: Category = { ...before, ...patch };
  await db.transaction(async (tx) => {
    await tx.update(categories).set(patch).where(and(eq(categories.chainId, chainId), eq(categories.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'category', entityId: id, action: 'update', before, after });
  });
  return after;
}

/** Deactivates a category no active product or active sub-category uses; reactivates one under an active parent. */
export async function setCategoryActive({ db, clock }: Deps, principal: Principal, id: string, active: boolean): Promise<Category> {
  const { chainId } = principal;
  const before = await findCategory(db, chainId, id);
  if (before.active === active) return before;
  if (!active) {
    const [usedBy, children] = await Promise.all([
      db.$count(products, and(eq(products.chainId, chainId), eq(products.categoryId, id), eq(products.active, true))),
      db.$count(categories, and(eq(categories.chainId, chainId), eq(categories.parentId, id), eq(categories.active, true))),
    ]);
    if (usedBy + children > 0) throw new AppError('IN_USE', `category ${before.code} still has ${usedBy} active products and ${children} active sub-categories`, { products: usedBy, categories: children });
  } else {
    await checkParent(db, chainId, id, before.parentId);
  }
  const after = { ...before, active };
  await db.transaction(async (tx) => {
    await tx.update(categories).set({ active }).where(and(eq(categories.chainId, chainId), eq(categories.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'category', entityId: id, action: active ? 'reactivate' : 'deactivate', before, after });
  });
  return after;
}
