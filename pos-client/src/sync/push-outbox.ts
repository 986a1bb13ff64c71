import type { TillDb } from '../db/till-db';
import type { HqClient } from '../hq/hq-client';
import type { HqFailure } from '../hq/hq-failure';
import { applyPushResults, markAttemptFailed, type OutboxUpdate } from './outbox-transitions';
import { readTillReport } from './till-report';

export const pushBatchSize = 100;

export type PushOutcome =
  | { ok: true; sent: number; rejected: number; remaining: number }
  | { ok: false; failure: HqFailure };

export interface PushDeps {
  db: TillDb;
  hq: HqClient;
  now: () => Date;
}

/** Posts pending outbox documents in batches, oldest first, until none is left or a request fails. */
export async function pushOutbox({ db, hq, now }: PushDeps): Promise<PushOutcome> {
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, failure: { kind: 'http', status: 401, code: 'UNAUTHENTICATED', message: 'this till is not paired', details: undefined } };
  let sent = 0;
  let rejected = 0;
  for (;;) {
    // uuidv7 ids sort by creation time, and an index keeps equal keys in primary-key order.
    const batch = await db.outbox.where('state').equals('pending').limit(pushBatchSize).toArray();
    if (batch.length === 0) return { ok: true, sent, rejected, remaining: 0 };
    const result = await hq.push(pairing.deviceToken, batch.map((entry) => entry.body), await readTillReport(db));
    const stamp = now().toISOString();
    if (!result.ok) {
      await writeUpdates(db, markAttemptFailed(batch, stamp));
      return { ok: false, failure: result.failure };
    }
    const updates = applyPushResults(batch, result.value.results, stamp);
    await writeUpdates(db, updates);
    await recordPush(db, stamp);
    sent += updates.filter((u) => u.state === 'sent').length;
    rejected += updates.filter((u) => u.state === 'rejected').length;
    const progressed = updates.some((u) => u.state !== 'pending');
    if (!progressed) return { ok: true, sent, rejected, remaining: await countPending(db) };
  }
}

export function countPending(db: TillDb): Promise<number> {
  return db.outbox.where('state').equals('pending').count();
}

export async function writeUpdates(db: TillDb, updates: readonly OutboxUpdate[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const { id, ...changes } of updates) await db.outbox.update(id, changes);
  });
}

async function recordPush(db: TillDb, stamp: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.putMeta('sync', { ...(await db.getSyncMeta()), lastPushAt: stamp });
  });
}
