import type { TillDb } from '../db/till-db';
import type { HqClient } from '../hq/hq-client';
import { failureCode, isUnreachable, type HqFailure } from '../hq/hq-failure';
import { backoffDelay } from './backoff';
import { createExclusiveLock } from './exclusive-lock';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';
import { recordSyncError } from './till-report';

export type Connection = 'unknown' | 'online' | 'offline';

export interface SyncStatus {
  /** Judged by whether HQ answers, never by `navigator.onLine` (a LAN without a route to HQ is "online"). */
  connection: Connection;
  /** HQ refused the device token: the till must be paired again before it can sync. */
  deviceRefused: boolean;
  /** HQ no longer accepts this app version or sync protocol (426 `TILL_VERSION_REFUSED`, `SYNC_PROTOCOL_UNSUPPORTED`): it syncs again once the till or HQ has updated. */
  versionRefused: boolean;
  busy: 'idle' | 'pushing' | 'pulling';
  lastErrorCode: string | null;
  nextAttemptAt: number | null;
}

export interface SyncWorkerDeps {
  db: TillDb;
  hq: HqClient;
  now: () => Date;
  random: () => number;
}

export const pullIntervalMs = 30_000;
const refusedRetryMs = 5 * 60_000;

type CycleKind = 'full' | 'push';

/** How long HQ shedding load asked to be left alone (`details.retryAfterSeconds`); tills spread their return over as long again. */
function retryAfterMs(failure: HqFailure): number {
  if (failure.kind !== 'http' || failure.code !== 'OVERLOADED') return 0;
  const seconds = (failure.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : 0;
}

/**
 * Pushes the outbox, then pulls, every ~30 s; pushes alone soon after each sale, so a sale costs
 * HQ one request; backs off while HQ cannot be reached. There is no separate health check: the
 * push and the pull say whether HQ answers.
 */
export function createSyncWorker(deps: SyncWorkerDeps) {
  const push = createExclusiveLock('pos-till-push');
  const listeners = new Set<() => void>();
  let status: SyncStatus = { connection: 'unknown', deviceRefused: false, versionRefused: false, busy: 'idle', lastErrorCode: null, nextAttemptAt: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let running = false;
  let rerun: CycleKind | null = null;
  let started = false;

  function update(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch };
    listeners.forEach((listener) => listener());
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    if (!started) return;
    update({ nextAttemptAt: deps.now().getTime() + delayMs });
    timer = setTimeout(() => void cycle('full'), delayMs);
  }

  function fail(failure: HqFailure): void {
    void recordSyncError(deps.db, failure, deps.now().toISOString()).catch(() => undefined);
    if (failure.kind === 'http' && (failure.code === 'TILL_VERSION_REFUSED' || failure.code === 'SYNC_PROTOCOL_UNSUPPORTED')) {
      update({ connection: 'online', versionRefused: true, busy: 'idle', lastErrorCode: failure.code });
      schedule(refusedRetryMs);
      return;
    }
    if (failure.kind === 'http' && failure.status === 401) {
      update({ connection: 'online', deviceRefused: true, busy: 'idle', lastErrorCode: 'DEVICE_REFUSED' });
      schedule(refusedRetryMs);
      return;
    }
    const shed = failure.kind === 'http' && failure.code === 'OVERLOADED';
    update({ connection: isUnreachable(failure) && !shed ? 'offline' : 'online', busy: 'idle', lastErrorCode: shed ? 'OVERLOADED' : failureCode(failure) });
    schedule(Math.max(backoffDelay(failures, deps.random()), retryAfterMs(failure) * (1 + deps.random())));
    failures += 1;
  }

  async function cycle(kind: CycleKind): Promise<void> {
    if (running) {
      rerun = rerun === 'full' ? 'full' : kind;
      return;
    }
    running = true;
    try {
      await (kind === 'full' ? runOnce() : pushOnce());
    } catch {
      // A bug or a browser fault (IndexedDB, Web Locks) must never stop syncing for good.
      update({ busy: 'idle', lastErrorCode: 'SYNC_FAILED' });
      schedule(backoffDelay(failures, deps.random()));
      failures += 1;
    } finally {
      running = false;
    }
    const next = rerun;
    rerun = null;
    if (next) await cycle(next);
  }

  /** Pushes what waits, leaving the next pull where it was scheduled. */
  async function pushOnce(): Promise<void> {
    update({ busy: 'pushing' });
    const pushed = await push(() => pushOutbox(deps));
    if (pushed && !pushed.ok) return fail(pushed.failure);
    update(pushed ? { connection: 'online', busy: 'idle', versionRefused: false } : { busy: 'idle' });
  }

  async function runOnce(): Promise<void> {
    update({ busy: 'pushing' });
    const pushed = await push(() => pushOutbox(deps));
    if (pushed && !pushed.ok) return fail(pushed.failure);
    // HQ took the push, so it accepts this version again.
    update(pushed ? { connection: 'online', busy: 'pulling', versionRefused: false } : { busy: 'pulling' });
    const pulled = await pullChanges(deps);
    if (!pulled.ok) return fail(pulled.failure);
    update({ connection: 'online' });
    if (pulled.value.resent > 0) {
      // A manager at HQ asked for rejected documents again: send them now, not at the next pull.
      update({ busy: 'pushing' });
      const again = await push(() => pushOutbox(deps));
      if (again && !again.ok) return fail(again.failure);
    }
    failures = 0;
    update({ busy: 'idle', deviceRefused: false, versionRefused: false, lastErrorCode: null });
    schedule(pullIntervalMs + Math.round(deps.random() * 5_000));
  }

  function syncNow(): void {
    if (!started) return;
    failures = 0;
    clearTimeout(timer);
    void cycle('full');
  }

  return {
    getStatus: () => status,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(): void {
      if (started) return;
      started = true;
      void cycle('full');
    },
    stop(): void {
      started = false;
      clearTimeout(timer);
      update({ nextAttemptAt: null });
    },
    /**
     * Right after a sale (or another document) was written to the outbox: push it now. While HQ
     * answers, the pull keeps its own time; after a failure the whole cycle runs at once.
     */
    syncSoon(): void {
      if (!started) return;
      if (status.connection === 'online' && status.lastErrorCode === null) return void cycle('push');
      syncNow();
    },
    /** The cashier asked: push and pull at once. */
    syncNow,
    /** Sign-in and pairing talk to HQ too; what they learn about the connection counts. */
    noteConnection(connection: Connection): void {
      if (connection !== status.connection) update({ connection });
    },
  };
}

export type SyncWorker = ReturnType<typeof createSyncWorker>;
