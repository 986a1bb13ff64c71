import type { DiscrepancyList, DiscrepancyQuery } from '@pos/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { storeInScope, storesInScope } from '../http/scope';
import { pricingDiscrepancies } from './pricing.tables';

/** Differences between till and HQ pricing in the stores the caller may see, newest first. */
export async function listDiscrepancies(db: Db, principal: Principal, query: DiscrepancyQuery): Promise<DiscrepancyList> {
  const storeIds = query.storeId ? [(await storeInScope(db, principal, query.storeId)).id] : (await storesInScope(db, principal)).map((s) => s.id);
  if (storeIds.length === 0) return { items: [] };
  const t = pricingDiscrepancies;
  const rows = await db.select().from(t)
    .where(and(eq(t.chainId, principal.chainId), inArray(t.storeId, storeIds), query.saleId ? eq(t.saleId, query.saleId) : undefined))
    .orderBy(desc(t.createdAt), t.saleId, t.lineId).limit(query.limit);
  return {
    items: rows.map((r) => ({
      id: r.id, saleId: r.saleId, storeId: r.storeId, lineId: r.lineId, tillMinor: r.tillMinor, hqMinor: r.hqMinor,
      differenceMinor: r.differenceMinor, detail: r.detail as Record<string, unknown>, createdAt: r.createdAt.toISOString(),
    })),
  };
}
