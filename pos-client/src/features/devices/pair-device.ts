import { PairDeviceBody, type PairedDevice } from '@pos/shared';
import { emptySyncMeta, type TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';
import { failureCode } from '../../hq/hq-failure';

export type PairResult = { ok: true; paired: PairedDevice } | { ok: false; code: string };

/**
 * Exchanges a pairing code for this till's device token. A till paired again for another
 * store forgets the old store's catalog (the next pull starts from zero); its journal and
 * any unsent outbox documents are kept.
 */
export async function pairDevice({ db, hq }: { db: TillDb; hq: HqClient }, code: string): Promise<PairResult> {
  const body = PairDeviceBody.safeParse({ code: code.replace(/\s/g, '') });
  if (!body.success) return { ok: false, code: 'PAIRING_CODE_FORMAT' };
  const result = await hq.pairDevice(body.data);
  if (!result.ok) return { ok: false, code: failureCode(result.failure) };
  const paired = result.value;
  await db.transaction('rw', [...db.catalogTables, db.meta], async () => {
    const previous = await db.getMeta('pairing');
    if (previous && previous.store.id !== paired.store.id) {
      await Promise.all(db.catalogTables.map((table) => table.clear()));
      await db.putMeta('sync', emptySyncMeta);
      await db.meta.delete('snapshotLoad');
    }
    await db.meta.delete('session');
    await db.putMeta('pairing', paired);
  });
  return { ok: true, paired };
}
