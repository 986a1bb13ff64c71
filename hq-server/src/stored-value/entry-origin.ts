import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { chains, clerks, stores } from '../org/org.tables';

/** Where and by whom a stored-value entry is made: the till's store, its franchisee and the clerk, or an office user at HQ. */
export interface EntryOrigin {
  storeId: string | null;
  franchiseeId: string | null;
  deviceId: string | null;
  actorId: string | null;
  /** The time zone whose calendar is the business day: the store's, or the chain's for the office. */
  timeZone: string;
}

/** A clerk of the till's store or of the whole chain, the only clerks a till may name. */
export const clerkOfStore = (chainId: string, storeId: string, cashierId: string) =>
  and(eq(clerks.chainId, chainId), eq(clerks.id, cashierId), or(isNull(clerks.storeId), eq(clerks.storeId, storeId)));

export const notAClerkOfStore = () => new AppError('VALIDATION_FAILED', 'the cashier is not a clerk of this store', [{ path: 'cashierId', message: 'not a clerk of this store' }]);

/**
 * The origin of an entry made by this caller. A till names its clerk, who must be a clerk of the
 * till's store or of the whole chain; an office user is the actor themselves.
 */
export async function entryOrigin(db: Db, principal: Principal, cashierId: string | undefined): Promise<EntryOrigin> {
  if (principal.kind === 'office') {
    const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, principal.chainId));
    return { storeId: null, franchiseeId: null, deviceId: null, actorId: principal.userId, timeZone: chain!.timeZone };
  }
  const [store] = await db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(and(eq(stores.chainId, principal.chainId), eq(stores.id, principal.storeId)));
  if (cashierId !== undefined) {
    if ((await db.$count(clerks, clerkOfStore(principal.chainId, principal.storeId, cashierId))) === 0) throw notAClerkOfStore();
  }
  return { storeId: principal.storeId, franchiseeId: store?.franchiseeId ?? null, deviceId: principal.deviceId, actorId: cashierId ?? null, timeZone: principal.storeTimeZone };
}
