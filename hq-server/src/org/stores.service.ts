import type { Store } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { storesInScope } from '../http/scope';
import { toStore } from './org.mappers';
import { stores } from './org.tables';

/** The stores in the caller's scope, whole, by code; scope itself is decided in one place, `storesInScope`. */
export async function listStores(db: Db, principal: Principal): Promise<Store[]> {
  const visible = await storesInScope(db, principal);
  if (visible.length === 0) return [];
  const rows = await db
    .select()
    .from(stores)
    .where(and(eq(stores.chainId, principal.chainId), inArray(stores.id, visible.map((s) => s.id))))
    .orderBy(stores.code);
  return rows.map(toStore);
}
