import { describe, expect, it, vi } from 'vitest';
import type { PushResult, SyncDocument } from '@pos/shared';
import { createTestDb, pairedDevice } from '../db/test-db.fixture';
import type { OutboxEntry } from '../db/till-db';
import type { HqClient } from '../hq/hq-client';
import type { HqResult } from '../hq/hq-failure';
import { sampleSale } from '../features/sales/sample-sale.fixture';
import { pushOutbox } from './push-outbox';

const now = () => new Date('2025-03-01T10:00:00.000Z');

function pending(index: number): OutboxEntry {
  const id = `0195505c-${String(index).padStart(4, '0')}-7000-8000-000000000000`;
  return { id, kind: 'sale', body: sampleSale(id), state: 'pending', attempts: 0, createdAt: now().toISOString(), lastAttemptAt: null, sentAt: null, reason: null };
}

function hqAnswering(answer: (documents: readonly SyncDocument[]) => HqResult<{ results: PushResult[] }>) {
  const push = vi.fn(async (_token: string, documents: readonly SyncDocument[]) => answer(documents));
  return { hq: { push } as unknown as HqClient, push };
}

async function dbWith(count: number) {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.outbox.bulkAdd(Array.from({ length: count }, (_, i) => pending(i + 1)));
  return db;
}

describe('pushOutbox', () => {
  it('posts batches of at most 100, oldest first, and marks accepted documents sent', async () => {
    const db = await dbWith(230);
    const { hq, push } = hqAnswering((documents) => ({ ok: true, value: { results: documents.map((d, index) => ({ index, id: d.id, status: 'accepted' as const })) } }));
    const outcome = await pushOutbox({ db, hq, now });
    expect(outcome).toEqual({ ok: true, sent: 230, rejected: 0, remaining: 0 });
    expect(push.mock.calls.map(([, documents]) => documents.length)).toEqual([100, 100, 30]);
    expect(push.mock.calls[0]![1][0]!.id).toBe(pending(1).id);
    expect(await db.outbox.where('state').equals('sent').count()).toBe(230);
    expect((await db.getSyncMeta()).lastPushAt).toBe(now().toISOString());
  });

  it('keeps every document pending when HQ cannot be reached', async () => {
    const db = await dbWith(3);
    const { hq } = hqAnswering(() => ({ ok: false, failure: { kind: 'unreachable' } }));
    expect(await pushOutbox({ db, hq, now })).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    const entries = await db.outbox.toArray();
    expect(entries.every((e) => e.state === 'pending' && e.attempts === 1)).toBe(true);
  });

  it('keeps a rejected document with its reason and stops when nothing progresses', async () => {
    const db = await dbWith(2);
    const reason = { code: 'VALIDATION_FAILED', message: 'bad total' };
    const { hq, push } = hqAnswering((documents) => ({
      ok: true,
      value: { results: documents[0]!.id === pending(1).id ? [{ index: 0, id: documents[0]!.id, status: 'rejected' as const, reason }] : [] },
    }));
    const outcome = await pushOutbox({ db, hq, now });
    expect(outcome).toEqual({ ok: true, sent: 0, rejected: 1, remaining: 1 });
    expect(push).toHaveBeenCalledTimes(2);
    expect((await db.outbox.get(pending(1).id))).toMatchObject({ state: 'rejected', reason });
    expect((await db.outbox.get(pending(2).id))).toMatchObject({ state: 'pending', attempts: 2 });
  });
});
