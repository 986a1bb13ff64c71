import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../db/till-db';
import { applyPushResults, markAttemptFailed, outboxInstructionUpdates } from './outbox-transitions';
import { sampleSale } from '../features/sales/sample-sale.fixture';

const now = '2025-03-01T10:00:00.000Z';

function entry(id: string, attempts = 0): OutboxEntry {
  return { id, kind: 'sale', body: sampleSale(id), state: 'pending', attempts, createdAt: now, lastAttemptAt: null, sentAt: null, reason: null };
}

const ids = ['0195505c-0000-7000-8000-000000000001', '0195505c-0000-7000-8000-000000000002', '0195505c-0000-7000-8000-000000000003'];

describe('applyPushResults', () => {
  it('marks accepted and duplicate documents sent and keeps rejected ones with the reason', () => {
    const batch = ids.map((id) => entry(id));
    const reason = { code: 'VALIDATION_FAILED', message: 'total is not the sum of line net amounts' };
    const updates = applyPushResults(
      batch,
      [
        { index: 0, id: ids[0]!, status: 'accepted' },
        { index: 1, id: ids[1]!, status: 'duplicate' },
        { index: 2, id: ids[2]!, status: 'rejected', reason },
      ],
      now,
    );
    expect(updates.map((u) => u.state)).toEqual(['sent', 'sent', 'rejected']);
    expect(updates[0]!.sentAt).toBe(now);
    expect(updates[2]!.reason).toEqual(reason);
    expect(updates[2]!.sentAt).toBeUndefined();
  });

  it('leaves a document pending when HQ gave no answer for it', () => {
    const updates = applyPushResults([entry(ids[0]!, 2), entry(ids[1]!)], [{ index: 1, id: ids[1]!, status: 'accepted' }], now);
    expect(updates[0]).toEqual({ id: ids[0], attempts: 3, lastAttemptAt: now, state: 'pending' });
  });

  it('does not trust an answer whose id does not match the document at that index', () => {
    const updates = applyPushResults([entry(ids[0]!)], [{ index: 0, id: ids[1]!, status: 'accepted' }], now);
    expect(updates[0]!.state).toBe('pending');
  });
});

describe('markAttemptFailed', () => {
  it('counts the attempt and keeps every document pending', () => {
    expect(markAttemptFailed([entry(ids[0]!, 4)], now)).toEqual([{ id: ids[0], attempts: 5, lastAttemptAt: now }]);
  });
});

describe('outboxInstructionUpdates', () => {
  const rejected = (id: string): OutboxEntry => ({ ...entry(id, 1), state: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'unknown product' } });

  it('puts a document back to pending on resend and takes it off the rejected list with the note on settle', () => {
    const updates = outboxInstructionUpdates([rejected(ids[0]!), rejected(ids[1]!)], [
      { documentId: ids[0]!, action: 'resend', note: null },
      { documentId: ids[1]!, action: 'settle', note: 'stock corrected by hand' },
    ]);
    expect(updates).toEqual([{ id: ids[0], state: 'pending' }, { id: ids[1], state: 'settled', settledNote: 'stock corrected by hand' }]);
  });

  it('leaves alone a document it does not hold or no longer holds as rejected (already resent, sent or settled)', () => {
    const sent = { ...entry(ids[1]!), state: 'sent' as const };
    const settled = { ...rejected(ids[2]!), state: 'settled' as const };
    expect(outboxInstructionUpdates([sent, settled], [
      { documentId: ids[0]!, action: 'resend', note: null },
      { documentId: ids[1]!, action: 'resend', note: null },
      { documentId: ids[2]!, action: 'settle', note: 'again' },
    ])).toEqual([]);
  });
});
