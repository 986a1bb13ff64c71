import type { Answer } from './http-client';
import { percentile, round } from '../stats';

export type Route = 'push' | 'pull' | 'health' | 'report';
export type Phase = 'prime' | 'warmup' | 'measure' | 'drain';
const ROUTES: readonly Route[] = ['push', 'pull', 'health', 'report'];

/** What happened in one phase of a step: every request by route and outcome, and what became of the sales. */
class PhaseRecord {
  readonly requests: Record<Route, number> = { push: 0, pull: 0, health: 0, report: 0 };
  readonly okMs: Record<Route, number[]> = { push: [], pull: [], health: [], report: [] };
  /** 503 with Retry-After: HQ turning a request away under load (the till waits and comes back). */
  readonly shed: Record<Route, number> = { push: 0, pull: 0, health: 0, report: 0 };
  readonly errors = new Map<string, number>();
  readonly saleToHqMs: number[] = [];
  readonly sales = { accepted: 0, duplicate: 0, rejected: 0 };
  readonly timerLagMs: number[] = [];

  count(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }
}

const codeOf = (json: unknown): string => {
  if (typeof json !== 'object' || json === null || !('error' in json)) return 'no error body';
  const error = json.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'no error code';
};

const spread = (samples: readonly number[]) => samples.length === 0
  ? null
  : { p50: round(percentile(samples, 50), 1), p95: round(percentile(samples, 95), 1), p99: round(percentile(samples, 99), 1), max: round(Math.max(...samples), 1) };

/** Counts and times what the tills and the office user see, into the phase of the step under way. */
export class Recorder {
  phase: Phase = 'prime';
  private readonly records: Record<Phase, PhaseRecord> = { prime: new PhaseRecord(), warmup: new PhaseRecord(), measure: new PhaseRecord(), drain: new PhaseRecord() };

  private get now(): PhaseRecord {
    return this.records[this.phase];
  }

  /** Whether the answer is one the caller can use (200); anything else is counted by its kind. */
  answered(route: Route, answer: Answer): boolean {
    const record = this.now;
    record.requests[route] += 1;
    if (answer.kind === 'timeout') record.count(`${route}: timed out`);
    else if (answer.kind === 'network') record.count(`${route}: ${answer.code}`);
    else if (answer.status === 200) record.okMs[route].push(answer.ms);
    else if (answer.status === 503 && answer.retryAfter !== null) record.shed[route] += 1;
    else record.count(`${route}: HTTP ${answer.status} ${codeOf(answer.body)}`);
    return answer.kind === 'answer' && answer.status === 200;
  }

  saleTaken(status: 'accepted' | 'duplicate', madeAt: number): void {
    this.now.sales[status] += 1;
    this.now.saleToHqMs.push(performance.now() - madeAt);
  }

  saleRejected(code: string): void {
    this.now.sales.rejected += 1;
    this.now.count(`sale rejected: ${code}`);
  }

  unexpected(what: string): void {
    this.now.count(what);
  }

  timerLag(ms: number): void {
    this.now.timerLagMs.push(ms);
  }

  /** One phase's figures over `seconds`. */
  summary(phase: Phase, seconds: number) {
    const r = this.records[phase];
    const total = ROUTES.reduce((n, route) => n + r.requests[route], 0);
    const failed = [...r.errors].filter(([kind]) => !kind.startsWith('sale rejected')).reduce((n, [, c]) => n + c, 0);
    const shed = ROUTES.reduce((n, route) => n + r.shed[route], 0);
    return {
      seconds: round(seconds, 1),
      requests: { total, perSecond: round(total / seconds, 1), byRoute: Object.fromEntries(ROUTES.filter((route) => r.requests[route] > 0).map((route) => [route, { count: r.requests[route], perSecond: round(r.requests[route] / seconds, 1) }])) },
      sales: { ...r.sales, takenPerSecond: round((r.sales.accepted + r.sales.duplicate) / seconds, 1) },
      latencyMs: { push: spread(r.okMs.push), pull: spread(r.okMs.pull), health: spread(r.okMs.health), report: spread(r.okMs.report), saleMadeToTaken: spread(r.saleToHqMs) },
      shed: { total: shed, ...Object.fromEntries(ROUTES.filter((route) => r.shed[route] > 0).map((route) => [route, r.shed[route]])) },
      errors: { total: failed, byKind: Object.fromEntries([...r.errors].sort((a, b) => b[1] - a[1])) },
      failedShare: total === 0 ? 0 : round((failed + shed) / total, 4),
      saleTimerLateMs: spread(r.timerLagMs),
    };
  }
}

export type PhaseSummary = ReturnType<Recorder['summary']>;
