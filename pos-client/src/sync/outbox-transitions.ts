import type { OutboxInstruction, PushResult } from '@pos/shared';
import type { OutboxEntry } from '../db/till-db';

export type OutboxUpdate = Pick<OutboxEntry, 'id'> & Partial<Omit<OutboxEntry, 'id' | 'body' | 'kind' | 'createdAt'>>;

/**
 * What one push answer does to the batch that was sent. A document counts as sent only when
 * HQ says it holds it (`accepted`, or `duplicate` from an earlier try); `rejected` keeps it,
 * with HQ's reason, for the store manager to see; a document HQ did not answer for stays
 * pending and is tried again.
 */
export function applyPushResults(batch: readonly OutboxEntry[], results: readonly PushResult[], now: string): OutboxUpdate[] {
  return batch.map((entry, index) => {
    const attempted = { id: entry.id, attempts: entry.attempts + 1, lastAttemptAt: now };
    const result = results.find((r) => r.index === index && r.id === entry.id);
    if (!result) return { ...attempted, state: 'pending' };
    switch (result.status) {
      case 'accepted':
      case 'duplicate':
        return { ...attempted, state: 'sent', sentAt: now, reason: null };
      case 'rejected':
        return { ...attempted, state: 'rejected', reason: result.reason ?? { code: 'REJECTED', message: 'rejected without a reason' } };
    }
  });
}

/** A failed request (network, timeout, server error) changes nothing but the attempt count. */
export function markAttemptFailed(batch: readonly OutboxEntry[], now: string): OutboxUpdate[] {
  return batch.map((entry) => ({ id: entry.id, attempts: entry.attempts + 1, lastAttemptAt: now }));
}

/**
 * What a manager's decisions at HQ do to the documents HQ rejected: `resend` puts one back to
 * pending, so the next push sends it again; `settle` takes it off the rejected list with the
 * manager's note. A document no longer rejected here (already resent or settled) is left alone.
 */
export function outboxInstructionUpdates(entries: readonly OutboxEntry[], instructions: readonly OutboxInstruction[]): OutboxUpdate[] {
  return instructions.flatMap((instruction): OutboxUpdate[] => {
    const entry = entries.find((e) => e.id === instruction.documentId);
    if (entry?.state !== 'rejected') return [];
    return instruction.action === 'resend' ? [{ id: entry.id, state: 'pending' }] : [{ id: entry.id, state: 'settled', settledNote: instruction.note }];
  });
}
