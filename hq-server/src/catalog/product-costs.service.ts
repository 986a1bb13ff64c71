import type { CostBody, ProductCost, ProductCostHistory } from '@pos/shared';
import { and, desc, eq, lte } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { suppliers } from '../suppliers/suppliers.tables';
import { productCosts, products } from './catalog.tables';
import { canSeeCost } from '../roles/visibility';

const columns = {
  id: productCosts.id, productId: productCosts.productId, supplierId: productCosts.supplierId, amountMinor: productCosts.amountMinor,
  effectiveFrom: productCosts.effectiveFrom, enteredAt: productCosts.enteredAt,
};

type Row = { id: string; productId: string; supplierId: string | null; amountMinor: number; effectiveFrom: Date; enteredAt: Date };

const toCost = (row: Row): ProductCost => ({
  ...row, amountMinor: row.amountMinor as ProductCost['amountMinor'], effectiveFrom: row.effectiveFrom.toISOString(), enteredAt: row.enteredAt.toISOString(),
});

const ofProduct = (chainId: string, productId: string) => and(eq(productCosts.chainId, chainId), eq(productCosts.productId, productId));

/** The cost in force at an instant: the latest whose effective instant is not after it (the later entry of two at one instant). */
export async function currentCost(db: Db, chainId: string, productId: string, at: Date): Promise<ProductCost | null> {
  const [row] = await db.select(columns).from(productCosts).where(and(ofProduct(chainId, productId), lte(productCosts.effectiveFrom, at)))
    .orderBy(desc(productCosts.effectiveFrom), desc(productCosts.enteredAt), desc(productCosts.id)).limit(1);
  return row ? toCost(row) : null;
}

/** Cost prices are shown only to callers allowed to see cost; to anyone else the route does not exist. */
async function requireCostVisibility(db: Db, principal: Principal): Promise<void> {
  if (!(await canSeeCost(db, principal))) throw new AppError('FORBIDDEN', 'cost prices are not shown to this user');
}

async function requireProduct(db: Db, chainId: string, productId: string): Promise<void> {
  if ((await db.$count(products, and(eq(products.chainId, chainId), eq(products.id, productId)))) === 0) throw new AppError('NOT_FOUND', `no product ${productId}`);
}

export async function costHistory({ db, clock }: Deps, principal: Principal, productId: string): Promise<ProductCostHistory> {
  await requireCostVisibility(db, principal);
  await requireProduct(db, principal.chainId, productId);
  const rows = await db.select(columns).from(productCosts).where(ofProduct(principal.chainId, productId))
    .orderBy(desc(productCosts.effectiveFrom), desc(productCosts.enteredAt), desc(productCosts.id));
  return { current: await currentCost(db, principal.chainId, productId, clock()), history: rows.map(toCost) };
}

/** Adds a cost effective now or from a given instant; the history is never rewritten. */
export async function addCost(deps: Deps, principal: Principal, productId: string, body: CostBody): Promise<ProductCostHistory> {
  const { db, clock } = deps;
  await requireCostVisibility(db, principal);
  const { chainId } = principal;
  await requireProduct(db, chainId, productId);
  if (body.supplierId && (await db.$count(suppliers, and(eq(suppliers.chainId, chainId), eq(suppliers.id, body.supplierId)))) === 0) {
    throw new AppError('VALIDATION_FAILED', `no supplier ${body.supplierId}`, [{ path: 'supplierId', message: `no supplier ${body.supplierId}` }]);
  }
  const now = clock();
  const row = {
    chainId, id: newId(clock), productId, supplierId: body.supplierId, amountMinor: body.amountMinor,
    effectiveFrom: body.effectiveFrom ? new Date(body.effectiveFrom) : now, enteredBy: principal.kind === 'office' ? principal.userId : null, enteredAt: now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(productCosts).values(row);
    await recordAudit(tx, principal, clock, { entity: 'product_cost', entityId: row.id, action: 'create', before: null, after: toCost(row) });
  });
  return costHistory(deps, principal, productId);
}
