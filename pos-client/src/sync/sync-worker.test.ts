import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, pairedDevice } from '../db/test-db.fixture';
import type { PullResponse } from '@pos/shared';
import type { HqClient } from '../hq/hq-client';
import type { HqFailure, HqResult } from '../hq/hq-failure';
import { createSyncWorker } from './sync-worker';

const now = () => new Date('2025-03-01T10:00:00.000Z');
const emptyPage: HqResult<PullResponse> = { ok: true, value: { changes: [], cursor: 0, hasMore: false, headSeq: 0 } };

function fakeHq(health: () => { ok: true; value: { status: 'ok'; time: string } } | { ok: false; failure: HqFailure }, pull = vi.fn(async (): Promise<HqResult<PullResponse>> => emptyPage)) {
  return { health: vi.fn(async () => health()), pull, push: vi.fn() } as unknown as HqClient;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

afterEach(() => vi.useRealTimers());

describe('createSyncWorker', () => {
  it('reports offline when HQ does not answer /health, and backs off', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    const worker = createSyncWorker({ db, hq: fakeHq(() => ({ ok: false, failure: { kind: 'unreachable' } })), now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'offline', lastErrorCode: 'HQ_UNREACHABLE', nextAttemptAt: now().getTime() + 1_000 });
    worker.stop();
  });

  it('is online after a clean push and pull, and pulls again about 30 s later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    const pull = vi.fn(async (): Promise<HqResult<PullResponse>> => emptyPage);
    const worker = createSyncWorker({ db, hq: fakeHq(() => ({ ok: true, value: { status: 'ok', time: '' } }), pull), now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', busy: 'idle', lastErrorCode: null, nextAttemptAt: now().getTime() + 30_000 });
    expect(pull).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    await settle();
    expect(pull).toHaveBeenCalledTimes(2);
    worker.stop();
  });

  it('says so when HQ refuses the device token', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    const refused: HqResult<PullResponse> = { ok: false, failure: { kind: 'http', status: 401, code: 'UNAUTHENTICATED', message: '', details: undefined } };
    const worker = createSyncWorker({ db, hq: fakeHq(() => ({ ok: true, value: { status: 'ok', time: '' } }), vi.fn(async (): Promise<HqResult<PullResponse>> => refused)), now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', deviceRefused: true });
    worker.stop();
  });

  it('keeps going after a cycle throws, instead of stopping for good', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    let calls = 0;
    const hq = fakeHq(() => {
      calls += 1;
      if (calls === 1) throw new Error('browser fault');
      return { ok: true, value: { status: 'ok', time: '' } };
    });
    const worker = createSyncWorker({ db, hq, now, random: () => 0 });
    worker.start();
    await settle();
    expect(worker.getStatus()).toMatchObject({ lastErrorCode: 'SYNC_FAILED', nextAttemptAt: now().getTime() + 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(worker.getStatus()).toMatchObject({ connection: 'online', lastErrorCode: null });
    worker.stop();
  });
});
