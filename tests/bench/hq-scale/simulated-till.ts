import { PullResponse, PushResponse, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, TILL_REPORT_HEADER, TILL_REPORT_MAX_REJECTED, type Sale, type TillReport, type TillSyncError } from '@pos/shared';
import { failureCode, isUnreachable, type HqFailure } from '../../../pos-client/src/hq/hq-failure';
import { backoffDelay } from '../../../pos-client/src/sync/backoff';
import type { CallOptions, HqConnection } from './http-client';
import type { Recorder, Route } from './recorder';
import { tillSale, type CatalogItem, type TillIdentity } from './till-sale';

/** The sync worker's figures (`sync-worker.ts`, `push-outbox.ts`, `pull-changes.ts`, `hq-client.ts`). */
const PULL_INTERVAL_MS = 30_000;
const REFUSED_RETRY_MS = 5 * 60_000;
const PUSH_BATCH = 100;
const PULL_PAGE = 1000;
const SYNC_TIMEOUT_MS = 60_000;
const HEALTH_TIMEOUT_MS = 5_000;

export interface TillBehaviour {
  /** The worker before it dropped the check: `GET /health` before each full cycle. */
  health: boolean;
  /** The worker before it pushed alone after a sale: each sale runs the whole cycle, push then pull. */
  pullAfterSale: boolean;
  meanSaleSeconds: number;
  appVersion: string;
}

/** What every till of a step shares: where its HQ is, what it sells, how it behaves, where its sales are counted. */
export interface TillWorld {
  connections: readonly HqConnection[];
  recorder: Recorder;
  catalog: readonly CatalogItem[];
  behaviour: TillBehaviour;
  made: { ids: string[]; lines: number };
  random: () => number;
}

interface OutboxEntry {
  sale: Sale;
  createdAt: string;
  madeAt: number;
}

type Called = { ok: true; body: unknown } | { ok: false; failure: HqFailure };
type CycleKind = 'full' | 'push';

/**
 * One till as its sync worker drives it, with the outbox in memory: a sale goes into the outbox
 * and is pushed at once (alone, or with the whole cycle under `pullAfterSale`); every 30–35 s
 * the full cycle pushes what waits and pulls page after page; a failure backs off as the worker
 * does (`backoffDelay`, at least as long as HQ's Retry-After and up to twice that when it sheds
 * load). Every request carries the till's report and sync protocol as the worker's do.
 */
export class SimulatedTill {
  private outbox: OutboxEntry[] = [];
  private rejected: string[] = [];
  private connection: 'unknown' | 'online' | 'offline' = 'unknown';
  private lastErrorCode: string | null = null;
  private lastError: TillSyncError | null = null;
  private failures = 0;
  private running = false;
  private rerun: CycleKind | null = null;
  private started = false;
  private selling = false;
  private receipts = 0;
  private cycleTimer: NodeJS.Timeout | undefined;
  private saleTimer: NodeJS.Timeout | undefined;
  private readonly hq: HqConnection;

  constructor(readonly identity: TillIdentity, private readonly world: TillWorld, private cursor: number) {
    this.hq = world.connections[identity.storeNumber % world.connections.length]!;
  }

  get waiting(): number {
    return this.outbox.length;
  }

  get busy(): boolean {
    return this.running;
  }

  /** Starts the worker's first full cycle and the first sale after the delays given. */
  start(firstCycleInMs: number, firstSaleInMs: number): void {
    this.started = true;
    this.selling = true;
    this.schedule(firstCycleInMs);
    this.nextSale(firstSaleInMs);
  }

  stopSelling(): void {
    this.selling = false;
    clearTimeout(this.saleTimer);
  }

  stop(): void {
    this.stopSelling();
    this.started = false;
    clearTimeout(this.cycleTimer);
  }

  /** As a new sale would: sync now what waits (used to empty the outboxes at the end of a step). */
  nudge(): void {
    if (this.outbox.length > 0 && !this.running) this.syncSoon();
  }

  /**
   * The store's first sale, pushed before the till starts its worker (HQ compiles the store's
   * prices on a store's first push): whether HQ took it, after up to three tries a second apart.
   */
  async openStore(): Promise<boolean> {
    this.addSale();
    for (let attempt = 0; attempt < 3; attempt++) {
      const failure = await this.pushOutbox();
      if (!failure && this.outbox.length === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return false;
  }

  private nextSale(inMs: number): void {
    const due = performance.now() + inMs;
    this.saleTimer = setTimeout(() => {
      this.world.recorder.timerLag(performance.now() - due);
      this.sell();
      if (this.selling) this.nextSale(-Math.log(1 - this.world.random()) * this.world.behaviour.meanSaleSeconds * 1000);
    }, inMs);
  }

  private sell(): void {
    this.addSale();
    this.syncSoon();
  }

  private addSale(): void {
    const at = Date.now();
    const sale = tillSale(this.identity, this.world.catalog, ++this.receipts, at, this.world.random);
    this.outbox.push({ sale, createdAt: new Date(at).toISOString(), madeAt: performance.now() });
    this.world.made.ids.push(sale.id);
    this.world.made.lines += sale.lines.length;
  }

  private syncSoon(): void {
    if (!this.started) return;
    if (!this.world.behaviour.pullAfterSale && this.connection === 'online' && this.lastErrorCode === null) return void this.cycle('push');
    this.failures = 0;
    clearTimeout(this.cycleTimer);
    void this.cycle('full');
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.cycleTimer);
    if (this.started) this.cycleTimer = setTimeout(() => void this.cycle('full'), delayMs);
  }

  private async cycle(kind: CycleKind): Promise<void> {
    if (this.running) {
      this.rerun = this.rerun === 'full' ? 'full' : kind;
      return;
    }
    this.running = true;
    try {
      const failure = kind === 'full' ? await this.runOnce() : await this.pushOutbox();
      if (failure) this.fail(failure);
      else if (kind === 'push') this.connection = 'online';
    } catch (error) {
      this.world.recorder.unexpected(`till fault: ${error instanceof Error ? error.message : String(error)}`);
      this.lastErrorCode = 'SYNC_FAILED';
      this.schedule(backoffDelay(this.failures++, this.world.random()));
    } finally {
      this.running = false;
    }
    const next = this.rerun;
    this.rerun = null;
    if (next) await this.cycle(next);
  }

  private async runOnce(): Promise<HqFailure | null> {
    if (this.world.behaviour.health) {
      const health = await this.call('health', { method: 'GET', path: '/health', headers: {}, timeoutMs: HEALTH_TIMEOUT_MS }, false);
      if (!health.ok) return health.failure;
    }
    const pushed = await this.pushOutbox();
    if (pushed) return pushed;
    this.connection = 'online';
    const pulled = await this.pullChanges();
    if (pulled) return pulled;
    this.failures = 0;
    this.lastErrorCode = null;
    this.schedule(PULL_INTERVAL_MS + Math.round(this.world.random() * 5_000));
    return null;
  }

  /** `pushOutbox`: the oldest 100 waiting, batch after batch, until none waits or a batch moves nothing. */
  private async pushOutbox(): Promise<HqFailure | null> {
    for (;;) {
      const batch = this.outbox.slice(0, PUSH_BATCH);
      if (batch.length === 0) return null;
      const called = await this.call('push', { method: 'POST', path: '/sync/push', headers: {}, body: JSON.stringify({ documents: batch.map((e) => e.sale) }), timeoutMs: SYNC_TIMEOUT_MS }, true);
      if (!called.ok) return called.failure;
      const parsed = PushResponse.safeParse(called.body);
      if (!parsed.success) return { kind: 'invalid-response', status: 200 };
      const settled = new Set<string>();
      for (const result of parsed.data.results) {
        const entry = batch[result.index];
        if (!entry) continue;
        settled.add(entry.sale.id);
        if (result.status === 'rejected') {
          this.rejected.push(entry.sale.id);
          this.world.recorder.saleRejected(result.reason?.code ?? 'NO_REASON');
        } else this.world.recorder.saleTaken(result.status, entry.madeAt);
      }
      this.outbox = this.outbox.filter((e) => !settled.has(e.sale.id));
      if (settled.size === 0) return null;
    }
  }

  /** `pullChanges`: page after page from the cursor until HQ has no more. */
  private async pullChanges(): Promise<HqFailure | null> {
    for (;;) {
      const called = await this.call('pull', { method: 'GET', path: `/sync/pull?cursor=${this.cursor}&limit=${PULL_PAGE}`, headers: {}, timeoutMs: SYNC_TIMEOUT_MS }, true);
      if (!called.ok) return called.failure;
      const page = PullResponse.safeParse(called.body);
      if (!page.success) return { kind: 'invalid-response', status: 200 };
      if (page.data.catchUp === 'snapshot') this.world.recorder.unexpected('pull: HQ advised a snapshot');
      const moved = page.data.cursor > this.cursor;
      this.cursor = Math.max(this.cursor, page.data.cursor);
      if (!page.data.hasMore || !moved) return null;
    }
  }

  private fail(failure: HqFailure): void {
    this.lastError = { code: failureCode(failure), message: failure.kind === 'http' ? failure.message.slice(0, 300) : 'HQ could not be reached', at: new Date().toISOString() };
    if (failure.kind === 'http' && (failure.code === 'TILL_VERSION_REFUSED' || failure.code === 'SYNC_PROTOCOL_UNSUPPORTED' || failure.status === 401)) {
      this.connection = 'online';
      this.lastErrorCode = failure.code;
      return this.schedule(REFUSED_RETRY_MS);
    }
    const shed = failure.kind === 'http' && failure.code === 'OVERLOADED';
    this.connection = isUnreachable(failure) && !shed ? 'offline' : 'online';
    this.lastErrorCode = shed ? 'OVERLOADED' : failureCode(failure);
    const retryAfterMs = shed ? retryAfterSecondsOf(failure.details) * 1000 : 0;
    this.schedule(Math.max(backoffDelay(this.failures, this.world.random()), retryAfterMs * (1 + this.world.random())));
    this.failures += 1;
  }

  private report(): TillReport {
    return {
      waitingCount: this.outbox.length, oldestWaitingAt: this.outbox[0]?.createdAt ?? null, rejectedCount: this.rejected.length,
      rejectedIds: this.rejected.slice(0, TILL_REPORT_MAX_REJECTED), appVersion: this.world.behaviour.appVersion, cursor: this.cursor, lastError: this.lastError,
    };
  }

  /** `hq-client.ts`'s call: bearer token, the report and protocol on sync paths, HQ's error body read into a failure. */
  private async call(route: Route, options: CallOptions, sync: boolean): Promise<Called> {
    const headers: Record<string, string> = { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) };
    if (sync) Object.assign(headers, { authorization: `Bearer ${this.identity.token}`, [TILL_REPORT_HEADER]: JSON.stringify(this.report()), [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) });
    const answer = await this.hq.call({ ...options, headers });
    const usable = this.world.recorder.answered(route, answer);
    if (answer.kind !== 'answer') return { ok: false, failure: { kind: 'unreachable' } };
    if (usable) return { ok: true, body: answer.body };
    return { ok: false, failure: httpFailureOf(answer.status, answer.body) };
  }
}

function httpFailureOf(status: number, json: unknown): HqFailure {
  const error = typeof json === 'object' && json !== null && 'error' in json && typeof json.error === 'object' && json.error !== null ? json.error : null;
  if (error && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return { kind: 'http', status, code: error.code, message, details: 'details' in error ? error.details : undefined };
  }
  return { kind: 'http', status, code: status === 401 ? 'UNAUTHENTICATED' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: `HTTP ${status}`, details: undefined };
}

function retryAfterSecondsOf(details: unknown): number {
  const seconds = typeof details === 'object' && details !== null && 'retryAfterSeconds' in details ? details.retryAfterSeconds : null;
  return typeof seconds === 'number' && seconds > 0 ? seconds : 0;
}
