import type { Brand, BrandBody, BrandListQuery, BrandPage } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { brands } from './catalog.tables';
import { escapeLike } from './escape-like';

const columns = { id: brands.id, code: brands.code, nameZh: brands.nameZh, nameEn: brands.nameEn, active: brands.active };
const sortColumns = { code: brands.code, nameZh: brands.nameZh, nameEn: brands.nameEn };

/** The chain's brands, a page at a time, by the chosen column (then code). */
export async function listBrands(db: Db, chainId: string, query: BrandListQuery): Promise<BrandPage> {
  const like = query.q ? `%${escapeLike(query.q)}%` : null;
  const where: SQL | undefined = and(
    eq(brands.chainId, chainId),
    like ? or(ilike(brands.code, like), ilike(brands.nameZh, like), ilike(brands.nameEn, like)) : undefined,
    query.active === undefined ? undefined : eq(brands.active, query.active),
  );
  const direction = query.order === 'desc' ? desc : asc;
  const [items, [counted]] = await Promise.all([
    db.select(columns).from(brands).where(where).orderBy(direction(sortColumns[query.sort]), asc(brands.code)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(brands).where(where),
  ]);
  return { items, total: counted?.n ?? 0 };
}

async function findBrand(db: Db, chainId: string, id: string): Promise<Brand> {
  const [row] = await db.select(columns).from(brands).where(and(eq(brands.chainId, chainId), eq(brands.id, id)));
  if (!row) throw new AppError('NOT_FOUND', `no brand ${id}`);
  return row;
}

async function checkCodeFree(db: Db, chainId: string, code: string, id: string | null): Promise<void> {
  const clash = await db.$count(brands, and(eq(brands.chainId, chainId), eq(brands.code, code), id ? ne(brands.id, id) : undefined));
  if (clash > 0) throw new AppError('CONFLICT', `brand code ${code} is taken`, [{ path: 'code', message: `brand code ${code} is taken` }]);
}

export async function createBrand({ db, clock }: Deps, principal: Principal, body: BrandBody): Promise<Brand> {
  await checkCodeFree(db, principal.chainId, body.code, null);
  const row: Brand = { id: newId(clock), ...body, active: true };
  await db.transaction(async (tx) => {
    await tx.insert(brands).values({ chainId: principal.chainId, ...row });
    await recordAudit(tx, principal, clock, { entity: 'brand', entityId: row.id, action: 'create', before: null, after: row });
  });
  return row;
}

export async function updateBrand({ db, clock }: Deps, principal: Principal, id: string, body: BrandBody): Promise<Brand> {
  const before = await findBrand(db, principal.chainId, id);
  await checkCodeFree(db, principal.chainId, body.code, id);
  const after: Brand = { ...before, ...body };
  await db.transaction(async (tx) => {
    await tx.update(brands).set(body).where(and(eq(brands.chainId, principal.chainId), eq(brands.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'brand', entityId: id, action: 'update', before, after });
  });
  return after;
}

/** Deactivates or reactivates a brand: products keep naming it, the office stops offering it for new ones. */
export async function setBrandActive({ db, clock }: Deps, principal: Principal, id: string, active: boolean): Promise<Brand> {
  const before = await findBrand(db, principal.chainId, id);
  if (before.active === active) return before;
  const after = { ...before, active };
  await db.transaction(async (tx) => {
    await tx.update(brands).set({ active }).where(and(eq(brands.chainId, principal.chainId), eq(brands.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'brand', entityId: id, action: active ? 'reactivate' : 'deactivate', before, after });
  });
  return after;
}
