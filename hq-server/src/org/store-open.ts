import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { stores } from './org.tables';

/**
 * Refuses what only an open store may do: a closed store's tills pull nothing more and it gets no
 * new tills. Its tills still push, so sales they made before the close reach HQ.
 */
export async function requireOpenStore(db: Db, chainId: string, storeId: string): Promise<void> {
  const [store] = await db.select({ active: stores.active }).from(stores).where(and(eq(stores.chainId, chainId), eq(stores.id, storeId)));
  refuseClosedStore(store?.active ?? true);
}

/** The same refusal, for a caller that has read whether the store is open itself. */
export function refuseClosedStore(open: boolean): void {
  if (!open) throw new AppError('FORBIDDEN', 'the store is closed');
}
