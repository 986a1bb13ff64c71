import type { AuditAction, CreateSupplierBody, Supplier, SupplierList, SupplierListQuery, UpdateSupplierBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { unchanged } from '../db/unchanged';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { findSupplier, findSuppliers } from './suppliers.repo';
import { suppliers } from './suppliers.tables';

/**
 * Suppliers (供应商) of a chain. Receiving goods builds on these: `requireActiveSupplier` and
 * `supplierCost` (in supplier-products.service.ts) are what a delivery checks and prices with.
 */

export async function getSupplier(db: Db, chainId: string, id: string): Promise<Supplier> {
  const found = await findSupplier(db, chainId, id);
  if (!found) throw new AppError('NOT_FOUND', 'no such supplier');
  return found;
}

/** The supplier, if it is active: goods are bought only from suppliers still in use. */
export async function requireActiveSupplier(db: Db, chainId: string, id: string): Promise<Supplier> {
  const found = await getSupplier(db, chainId, id);
  if (!found.active) throw new AppError('CONFLICT', `supplier ${found.code} is no longer in use`);
  return found;
}

export const listSuppliers = (db: Db, chainId: string, query: SupplierListQuery): Promise<SupplierList> => findSuppliers(db, chainId, query);

export async function createSupplier({ db, clock }: Deps, principal: Principal, body: CreateSupplierBody): Promise<Supplier> {
  const id = newId(clock);
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(suppliers).values({ chainId: principal.chainId, id, ...body, updatedAt: clock() }).onConflictDoNothing().returning({ id: suppliers.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', `supplier code ${body.code} is taken`, [{ path: 'code', message: 'already used by another supplier' }]);
    const after = (await findSupplier(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'supplier', entityId: id, action: 'create', before: null, after });
    return after;
  });
}

async function changeSupplier({ db, clock }: Deps, principal: Principal, id: string, action: AuditAction, set: Partial<typeof suppliers.$inferInsert>): Promise<Supplier> {
  return db.transaction(async (tx) => {
    const before = await findSupplier(tx, principal.chainId, id);
    if (!before) throw new AppError('NOT_FOUND', 'no such supplier');
    if (unchanged(before, set)) return before;
    await tx.update(suppliers).set({ ...set, updatedAt: clock() }).where(and(eq(suppliers.chainId, principal.chainId), eq(suppliers.id, id)));
    const after = (await findSupplier(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'supplier', entityId: id, action, before, after });
    return after;
  });
}

export const updateSupplier = (deps: Deps, principal: Principal, id: string, body: UpdateSupplierBody) => changeSupplier(deps, principal, id, 'update', body);

/** A supplier no longer used stays, with its products and costs, for the deliveries that name it. */
export const setSupplierActive = (deps: Deps, principal: Principal, id: string, active: boolean) =>
  changeSupplier(deps, principal, id, active ? 'reactivate' : 'deactivate', { active });
