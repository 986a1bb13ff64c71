import type { AuditAction, CreateFranchiseeBody, Franchisee, FranchiseeList, FranchiseeListQuery, UpdateFranchiseeBody } from '@pos/shared';
import { and, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { containing, orderOf } from '../db/list-query';
import { unchanged } from '../db/unchanged';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { franchisees, stores } from './org.tables';

type FranchiseeRow = typeof franchisees.$inferSelect;

/** The franchisee a caller may read: HQ any, a franchisee their own; no one else reads franchisees. */
function readableBy(principal: Principal): SQL | undefined {
  if (principal.kind === 'office' && principal.role === 'hq_admin') return undefined;
  if (principal.kind === 'office' && principal.role === 'franchisee' && principal.franchiseeId) return eq(franchisees.id, principal.franchiseeId);
  throw new AppError('FORBIDDEN', 'only HQ and franchisees read franchisee records');
}

async function withStores(db: Db, chainId: string, rows: FranchiseeRow[]): Promise<Franchisee[]> {
  if (rows.length === 0) return [];
  const owned = await db.select({ id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, active: stores.active, franchiseeId: stores.franchiseeId })
    .from(stores).where(and(eq(stores.chainId, chainId), inArray(stores.franchiseeId, rows.map((r) => r.id)))).orderBy(stores.code);
  return rows.map(({ chainId: _chain, ...row }) => ({
    ...row, stores: owned.filter((s) => s.franchiseeId === row.id).map(({ franchiseeId: _owner, ...store }) => store),
  }));
}

export async function listFranchisees(db: Db, principal: Principal, query: FranchiseeListQuery): Promise<FranchiseeList> {
  const filters: (SQL | undefined)[] = [eq(franchisees.chainId, principal.chainId), readableBy(principal)];
  if (query.q) filters.push(or(ilike(franchisees.code, containing(query.q)), ilike(franchisees.name, containing(query.q)), ilike(franchisees.contact, containing(query.q))));
  if (query.active !== undefined) filters.push(eq(franchisees.active, query.active));
  const where = and(...filters);
  const order = orderOf({ code: franchisees.code, name: franchisees.name, contractEnd: franchisees.contractEnd }, query.sort, 'code', query.order, franchisees.id);
  const [rows, [counted]] = await Promise.all([
    db.select().from(franchisees).where(where).orderBy(...order).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(franchisees).where(where),
  ]);
  return { items: await withStores(db, principal.chainId, rows), total: counted?.n ?? 0 };
}

async function findFranchisee(db: Db, chainId: string, id: string, readable?: SQL): Promise<Franchisee | undefined> {
  const rows = await db.select().from(franchisees).where(and(eq(franchisees.chainId, chainId), eq(franchisees.id, id), readable));
  return (await withStores(db, chainId, rows))[0];
}

export async function getFranchisee(db: Db, principal: Principal, id: string): Promise<Franchisee> {
  const found = await findFranchisee(db, principal.chainId, id, readableBy(principal));
  if (!found) throw new AppError('NOT_FOUND', 'no such franchisee');
  return found;
}

export async function createFranchisee({ db, clock }: Deps, principal: Principal, body: CreateFranchiseeBody): Promise<Franchisee> {
  const id = newId(clock);
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(franchisees).values({ chainId: principal.chainId, id, ...body }).onConflictDoNothing().returning({ id: franchisees.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', `franchisee code ${body.code} is taken`, [{ path: 'code', message: 'already used by another franchisee' }]);
    const after = (await findFranchisee(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'franchisee', entityId: id, action: 'create', before: null, after });
    return after;
  });
}

async function changeFranchisee({ db, clock }: Deps, principal: Principal, id: string, action: AuditAction, set: Partial<typeof franchisees.$inferInsert>): Promise<Franchisee> {
  return db.transaction(async (tx) => {
    const before = await findFranchisee(tx, principal.chainId, id);
    if (!before) throw new AppError('NOT_FOUND', 'no such franchisee');
    if (unchanged(before, set)) return before;
    const merged = { ...before, ...set };
    if (merged.contractStart && merged.contractEnd && merged.contractStart > merged.contractEnd) {
      throw new AppError('VALIDATION_FAILED', 'the contract cannot end before it starts', [{ path: 'contractEnd', message: 'the contract cannot end before it starts' }]);
    }
    await tx.update(franchisees).set(set).where(and(eq(franchisees.chainId, principal.chainId), eq(franchisees.id, id)));
    const after = (await findFranchisee(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'franchisee', entityId: id, action, before, after });
    return after;
  });
}

export const updateFranchisee = (deps: Deps, principal: Principal, id: string, body: UpdateFranchiseeBody) => changeFranchisee(deps, principal, id, 'update', body);

/** A franchisee stops only once no open store is theirs: move those to another franchisee or to direct operation first. */
export async function setFranchiseeActive(deps: Deps, principal: Principal, id: string, active: boolean): Promise<Franchisee> {
  if (!active) {
    const open = await deps.db.$count(stores, and(eq(stores.chainId, principal.chainId), eq(stores.franchiseeId, id), eq(stores.active, true)));
    if (open > 0) throw new AppError('CONFLICT', 'the franchisee still runs open stores; move them first');
  }
  return changeFranchisee(deps, principal, id, active ? 'reactivate' : 'deactivate', { active });
}
