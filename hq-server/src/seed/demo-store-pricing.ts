import type { Db } from '../db/client';
import { auditEntries } from '../audit/audit.tables';
import { prices, storePriceBands } from '../catalog/catalog.tables';
import type { Clock } from '../ids';
import { newId } from '../ids';
import { chainSettings } from '../org/org.tables';
import { eq } from 'drizzle-orm';

/** The demo chain lets franchisees price their stores within ±10% of the chain price, unless HQ banded the product. */
export const demoStorePricing = { storePricingPolicy: 'franchisee', storePriceBandBp: 1000 } as const;

export interface DemoStorePricingInput {
  chainId: string;
  /** The catalog's last products with their chain prices: a few get bands, a few a franchisee's store price. */
  products: { id: string; priceMinor: number }[];
  /** The franchisee's store and their office user, who set its prices. */
  storeId: string;
  franchiseeUserId: string;
}

/**
 * The chain's store-pricing policy, bands on three products (from 80% to 130% of the chain price) and
 * a franchisee's own prices on three others, each recorded in the audit trail as the franchisee's.
 */
export async function seedDemoStorePricing(tx: Db, clock: Clock, { chainId, products, storeId, franchiseeUserId }: DemoStorePricingInput): Promise<void> {
  const now = clock();
  await tx.update(chainSettings).set(demoStorePricing).where(eq(chainSettings.chainId, chainId));
  const banded = products.slice(0, 3).map((p) => ({ chainId, productId: p.id, minMinor: Math.round(p.priceMinor * 0.8), maxMinor: Math.round(p.priceMinor * 1.3), updatedAt: now }));
  await tx.insert(storePriceBands).values(banded);
  const priced = [
    { ...products[0]!, amountMinor: Math.round(products[0]!.priceMinor * 1.2) },
    ...products.slice(3, 5).map((p) => ({ ...p, amountMinor: Math.max(1, Math.round(p.priceMinor * 0.95)) })),
  ].map((p) => ({ chainId, id: newId(clock), productId: p.id, storeId, kind: 'retail' as const, memberLevelId: null, amountMinor: p.amountMinor, effectiveFrom: now }));
  await tx.insert(prices).values(priced);
  await tx.insert(auditEntries).values(priced.map((p) => ({
    chainId, id: newId(clock), at: now, actorKind: 'user' as const, actorId: franchiseeUserId, entity: 'price', entityId: p.id, action: 'create', storeId,
    before: null, after: { id: p.id, productId: p.productId, storeId, kind: 'retail', memberLevelId: null, amountMinor: p.amountMinor, effectiveFrom: now.toISOString(), active: true },
  })));
}
