import type { SyncDocument } from '@pos/shared';
import type { TillDb } from '../db/till-db';

/**
 * Puts a finished document in the outbox for HQ. Call it inside the transaction that writes
 * the document's own record (journal, shift, …), with `db.outbox` in its scope, so the
 * document is kept and queued together or not at all.
 */
export async function enqueueDocument(db: TillDb, document: SyncDocument): Promise<void> {
  await db.outbox.add({
    id: document.id,
    kind: document.kind,
    body: document,
    state: 'pending',
    attempts: 0,
    createdAt: document.completedAt,
    lastAttemptAt: null,
    sentAt: null,
    reason: null,
  });
}
