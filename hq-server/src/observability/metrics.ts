import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client';
import { pendingMessagesByChain } from '../member-messages/pending-messages';
import { openRejectionsByChain, tillSilenceByChain } from '../till-monitor/till-silence';

/** HQ's metrics in one registry of their own, so each app (and test) counts apart. */
export interface HqMetrics {
  registry: Registry;
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  pushedDocuments: Counter<'kind' | 'status'>;
  shedRequests: Counter<'reason'>;
  tillsInService: Gauge<'chain'>;
  tillsSilent: Gauge<'chain'>;
  memberMessagesPending: Gauge<'chain'>;
  memberMessagesDue: Gauge<'chain'>;
  syncRejectionsOpen: Gauge<'chain'>;
}

/** From a quick read to a slow report or export; a push of 500 sales lands in the upper buckets. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The metrics; with `processMetrics`, Node's own (memory, CPU, event loop lag) too, which set up timers: one per process. */
export function createMetrics(options: { processMetrics?: boolean } = {}): HqMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'hq_' });
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['chain'] as const, registers: [registry] });
  return {
    registry,
    requestSeconds: new Histogram({
      name: 'hq_http_request_duration_seconds', help: 'Time to answer an API request, by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const, buckets: LATENCY_BUCKETS, registers: [registry],
    }),
    pushedDocuments: new Counter({
      name: 'hq_pushed_documents_total', help: 'Documents tills pushed, by kind and what HQ answered (accepted, duplicate, rejected)',
      labelNames: ['kind', 'status'] as const, registers: [registry],
    }),
    shedRequests: new Counter({
      name: 'hq_shed_requests_total', help: 'Requests turned away with 503 OVERLOADED: past MAX_REQUESTS_IN_FLIGHT (overloaded) or while shutting down (draining)',
      labelNames: ['reason'] as const, registers: [registry],
    }),
    tillsInService: gauge('hq_tills_in_service', 'Tills paired and not revoked, by chain'),
    tillsSilent: gauge('hq_tills_silent', 'Tills in service not heard of for longer than the chain allows, by chain'),
    memberMessagesPending: gauge('hq_member_messages_pending', 'Messages to members waiting to be sent, by chain'),
    memberMessagesDue: gauge('hq_member_messages_due', 'Messages to members due by now and not yet sent, by chain'),
    syncRejectionsOpen: gauge('hq_sync_rejections_open', 'Rejected till documents waiting for a manager, by chain'),
  };
}

/** Sets a per-chain gauge to exactly these figures: a chain that no longer has any drops out. */
function setByChain<T extends { chain: string }>(target: Gauge<'chain'>, rows: readonly T[], figure: (row: T) => number): void {
  target.reset();
  for (const row of rows) target.set({ chain: row.chain }, figure(row));
}

/**
 * The Prometheus text of every metric, the gauges read from the database now: silent tills as the
 * till monitor judges them, and the queues. The reads run first, so the gauges change all at once.
 */
export async function scrapeMetrics(metrics: HqMetrics, db: Db, now: Date): Promise<string> {
  const [tills, messages, rejections] = await Promise.all([tillSilenceByChain(db, now), pendingMessagesByChain(db, now), openRejectionsByChain(db)]);
  setByChain(metrics.tillsInService, tills, (t) => t.inService);
  setByChain(metrics.tillsSilent, tills, (t) => t.silent);
  setByChain(metrics.memberMessagesPending, messages, (m) => m.pending);
  setByChain(metrics.memberMessagesDue, messages, (m) => m.due);
  setByChain(metrics.syncRejectionsOpen, rejections, (r) => r.open);
  return metrics.registry.metrics();
}
