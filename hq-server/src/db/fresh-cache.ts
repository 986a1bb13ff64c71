import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { query } from './query';

/** The change sequence's head: the newest number any write has taken. */
export async function changeSeqHead(db: Db): Promise<bigint> {
  const [row] = await query<{ head: string }>(db, sql`select case when is_called then last_value else 0 end::text as head from sync_change_seq`);
  return BigInt(row?.head ?? '0');
}

/** Loads afresh, after waiting, through the shared side of the per-chain advisory lock those writers hold until commit, for writes in flight. */
export function loadAtHead<T>(db: Db, chainId: string, load: (tx: Db) => Promise<T>): Promise<Fresh<T>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(7301, hashtext(${chainId}))`);
    return { seq: await changeSeqHead(tx), value: await load(tx) };
  });
}

export type Fresh<T> = { seq: bigint; value: T };

/**
 * Values kept by key until the change sequence passes the one they were loaded at: for what HQ
 * keeps in memory of data the tills pull (prices, promotions, clerks…), since every write to it,
 * by this HQ process or another on the same database, takes a number from `sync_change_seq`, so
 * a value loaded at a head no lower than the current one is current. Callers who find a value
 * stale at once share one reload; one who joined a reload begun before the change it saw waits
 * for the next.
 */
export class FreshCache<T> {
  private readonly loaded = new Map<string, Fresh<T>>();
  private readonly reloading = new Map<string, Promise<Fresh<T>>>();

  async get(key: string, head: bigint, load: () => Promise<Fresh<T>>): Promise<T> {
    for (;;) {
      const cached = this.loaded.get(key);
      if (cached && cached.seq >= head) return cached.value;
      const inFlight = this.reloading.get(key);
      const shared = inFlight ?? load().then((fresh) => {
        const current = this.loaded.get(key);
        if (!current || current.seq <= fresh.seq) this.loaded.set(key, fresh);
        return fresh;
      }).finally(() => this.reloading.delete(key));
      if (!inFlight) this.reloading.set(key, shared);
      const fresh = await shared;
      if (fresh.seq >= head || !inFlight) return fresh.value;
    }
  }
}
