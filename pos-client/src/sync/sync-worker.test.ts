import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, pairedDevice } from '../db/test-db.fixture';
import type { PullResponse, PushResponse, SyncDocument } from '@pos/shared';
import { sampleSale } from '../features/sales/sample-sale.fixture';
import type { HqClient } from '../hq/hq-client';
import type { HqFailure, HqResult } from '../hq/hq-failure';
import { createSyncWorker } from './sync-worker';

const now = () => new Date('2025-03-01T10:00:00.000Z');
const emptyPage: HqResult<PullResponse> = { ok: true, value: { changes: [], cursor: 0, hasMore: false, headSeq: 0 } };
const failing = (failure: HqFailure) => async (): Promise<HqResult<never>> => ({ ok: false, failure });
const accepting = async (_token: string, documents: readonly SyncDocument[]): Promise<HqResult<PushResponse>> =>
  ({ ok: true, value: { results: documents.map((d, index) => ({ index, id: d.id, status: 'accepted' as const })) } });

function fakeHq(pullAnswer: () => Promise<HqResult<PullResponse>> = async () => emptyPage, pushAnswer = accepting) {
  const calls = { pull: vi.fn(pullAnswer), push: vi.fn(pushAnswer) };
  return { hq: calls as unknown as HqClient, calls };
}

async function pairedDb() {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  return db;
}

async function addSale(db: Awaited<ReturnType<typeof pairedDb>>, n: number) {
  const id = `0195505c-${String(n).padStart(4, '0')}-7000-8000-000000000000`;
  await db.outbox.add({ id, kind: 'sale', body: sampleSale(id), state: 'pending', attempts: 0, createdAt: now().toISOString(), lastAttemptAt: null, sentAt: null, reason: null });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

/** A worker started against an HQ that takes everything, after its first cycle. */
async function startedOnline() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const db = await pairedDb();
  const { hq, calls } = fakeHq();
  const worker = createSyncWorker({ db, hq, now, random: () => 0 });
  worker.start();
  await settle();
  return { db, calls, worker };
}

afterEach(() => vi.useRealTimers());

describe('createSyncWorker', () => {
  it('reports offline when HQ does not answer, and backs off', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { hq, calls } = fakeHq(failing({ kind: 'unreachable' }));
    const worker = createSyncWorker({ db: await pairedDb(), hq, now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'offline', lastErrorCode: 'HQ_UNREACHABLE', nextAttemptAt: now().getTime() + 1_000 });
    expect(calls.pull, 'the pull itself says whether HQ answers').toHaveBeenCalledTimes(1);
    worker.stop();
  });

  it('is online after a clean push and pull, and pulls again about 30 s later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { hq, calls } = fakeHq();
    const worker = createSyncWorker({ db: await pairedDb(), hq, now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', busy: 'idle', lastErrorCode: null, nextAttemptAt: now().getTime() + 30_000 });
    expect(calls.pull).toHaveBeenCalledTimes(1);
    expect(calls.push, 'nothing waits to be pushed').not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30_000);
    await settle();
    expect(calls.pull).toHaveBeenCalledTimes(2);
    worker.stop();
  });

  it('pushes a sale at once with one request, and keeps the pull at its time', async () => {
    const { db, calls, worker } = await startedOnline();
    await vi.advanceTimersByTimeAsync(10_000);
    await addSale(db, 1);
    worker.syncSoon();
    await settle();
    expect(calls.push).toHaveBeenCalledTimes(1);
    expect(calls.pull, 'no pull after the sale').toHaveBeenCalledTimes(1);
    expect(await db.outbox.where('state').equals('sent').count()).toBe(1);
    expect(worker.getStatus()).toMatchObject({ connection: 'online', busy: 'idle', lastErrorCode: null, nextAttemptAt: now().getTime() + 30_000 });
    await vi.advanceTimersByTimeAsync(20_000);
    await settle();
    expect(calls.pull, 'the pull came 30 s after the last one').toHaveBeenCalledTimes(2);
    worker.stop();
  });

  it('pushes and pulls at once when the cashier asks', async () => {
    const { db, calls, worker } = await startedOnline();
    await addSale(db, 1);
    worker.syncNow();
    await settle();
    expect(calls.push).toHaveBeenCalledTimes(1);
    expect(calls.pull).toHaveBeenCalledTimes(2);
    worker.stop();
  });

  it('runs the whole cycle at once after a sale while HQ was failing, and the sale waits while HQ stays away', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await pairedDb();
    let reachable = false;
    const { hq, calls } = fakeHq(
      async () => (reachable ? emptyPage : { ok: false, failure: { kind: 'unreachable' } }),
      async (token, documents) => (reachable ? accepting(token, documents) : { ok: false, failure: { kind: 'unreachable' } }),
    );
    const worker = createSyncWorker({ db, hq, now, random: () => 0 });
    worker.start();
    await settle();
    await addSale(db, 1);
    worker.syncSoon();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'offline', lastErrorCode: 'HQ_UNREACHABLE' });
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
    reachable = true;
    await addSale(db, 2);
    worker.syncSoon();
    await settle();
    expect(calls.pull).toHaveBeenCalledTimes(2);
    expect(await db.outbox.where('state').equals('sent').count()).toBe(2);
    expect(worker.getStatus()).toMatchObject({ connection: 'online', lastErrorCode: null });
    worker.stop();
  });

  it('stays online when HQ sheds load, and waits at least the Retry-After HQ asked for', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { hq } = fakeHq(failing({ kind: 'http', status: 503, code: 'OVERLOADED', message: 'busy', details: { retryAfterSeconds: 20 } }));
    const worker = createSyncWorker({ db: await pairedDb(), hq, now, random: () => 0.5 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', lastErrorCode: 'OVERLOADED', nextAttemptAt: now().getTime() + 30_000 });
    worker.stop();
  });

  it('waits for an update when HQ does not speak its sync protocol, keeping its documents', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await pairedDb();
    await addSale(db, 1);
    const refusal: HqFailure = { kind: 'http', status: 426, code: 'SYNC_PROTOCOL_UNSUPPORTED', message: '', details: { protocol: 2, oldest: 3, newest: 4 } };
    const { hq } = fakeHq(async () => emptyPage, failing(refusal));
    const worker = createSyncWorker({ db, hq, now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ versionRefused: true, lastErrorCode: 'SYNC_PROTOCOL_UNSUPPORTED', nextAttemptAt: now().getTime() + 5 * 60_000 });
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
    worker.stop();
  });

  it('says so when HQ refuses the device token', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { hq } = fakeHq(failing({ kind: 'http', status: 401, code: 'UNAUTHENTICATED', message: '', details: undefined }));
    const worker = createSyncWorker({ db: await pairedDb(), hq, now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', deviceRefused: true });
    worker.stop();
  });

  it('keeps going after a cycle throws, instead of stopping for good', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    const { hq } = fakeHq(async () => {
      calls += 1;
      if (calls === 1) throw new Error('browser fault');
      return emptyPage;
    });
    const worker = createSyncWorker({ db: await pairedDb(), hq, now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ lastErrorCode: 'SYNC_FAILED', nextAttemptAt: now().getTime() + 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', lastErrorCode: null });
    worker.stop();
  });
});
