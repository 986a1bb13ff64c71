import type { TillEvent } from '@pos/shared';
import { uuidv7 } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { enqueueDocument } from '../../sync/enqueue-document';
import { buildTillEvent, type TillEventWhat } from './build-till-event';

export interface RecordTillEventDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

/**
 * Queues the record of a key used without a sale for HQ, in one strict-durability transaction,
 * before the key acts: a drawer is not opened, nor a ticket voided, unrecorded. Answers null when
 * the till is not paired (nothing can act then).
 */
export async function recordTillEvent({ db, now, randomBytes }: RecordTillEventDeps, clerkId: string, what: TillEventWhat): Promise<TillEvent | null> {
  return db.transaction('rw', [db.meta, db.outbox], async () => {
    const pairing = await db.getMeta('pairing');
    if (!pairing) return null;
    const at = now();
    const event = buildTillEvent(
      { id: uuidv7(at.getTime(), randomBytes(10)), at, storeId: pairing.store.id, deviceId: pairing.device.id, currency: pairing.store.currency, clerkId },
      what,
    );
    await enqueueDocument(db, event);
    return event;
  });
}
