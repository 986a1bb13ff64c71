import { round } from '../stats';
import type { HqConnection } from './http-client';

export const METRICS_TOKEN = 'hq-scale-bench-metrics-token';

type Samples = Map<string, number>;

/** One scrape of a process's /metrics (Prometheus text), series by name and labels. */
async function scrape(hq: HqConnection): Promise<Samples> {
  const answer = await hq.call({ method: 'GET', path: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` }, timeoutMs: 30_000, asText: true });
  const samples: Samples = new Map();
  if (answer.kind !== 'answer' || answer.status !== 200 || typeof answer.body !== 'string') return samples;
  for (const line of answer.body.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const GC_KINDS = ['minor', 'major', 'incremental', 'weakcb'] as const;

/**
 * What HQ's own metrics say about a window, process by process: how long pushes and pulls took
 * inside HQ (from the request reaching Hono to its answer), time in garbage collection by
 * kind and the pauses over 100 ms, the event loop's worst delay and p99 (prom-client resets them
 * at each scrape, so the second scrape covers the window), the heap, requests turned away.
 */
export async function startHqMetrics(connections: readonly HqConnection[]) {
  const before = await Promise.all(connections.map(scrape));
  return {
    async finish(seconds: number) {
      const after = await Promise.all(connections.map(scrape));
      return after.map((end, i) => {
        const start = before[i]!;
        const delta = (name: string) => (end.get(name) ?? 0) - (start.get(name) ?? 0);
        const gc = Object.fromEntries(GC_KINDS.map((kind) => [kind, round(delta(`hq_nodejs_gc_duration_seconds_sum{kind="${kind}"}`), 2)]));
        const pausesOver100ms = GC_KINDS.reduce((n, kind) => n + delta(`hq_nodejs_gc_duration_seconds_count{kind="${kind}"}`) - delta(`hq_nodejs_gc_duration_seconds_bucket{le="0.1",kind="${kind}"}`), 0);
        const gcSeconds = GC_KINDS.reduce((n, kind) => n + delta(`hq_nodejs_gc_duration_seconds_sum{kind="${kind}"}`), 0);
        const served = (method: string, route: string) => {
          const labels = `method="${method}",route="${route}",status="200"`;
          const count = delta(`hq_http_request_duration_seconds_count{${labels}}`);
          const over = (seconds: string) => count - delta(`hq_http_request_duration_seconds_bucket{le="${seconds}",${labels}}`);
          return { count, meanMs: count ? round((1000 * delta(`hq_http_request_duration_seconds_sum{${labels}}`)) / count, 1) : null, over250ms: over('0.25'), over1s: over('1') };
        };
        return {
          inHq: { push: served('POST', '/sync/push'), pull: served('GET', '/sync/pull') },
          gcSecondsByKind: gc, gcShareOfWindow: round(gcSeconds / seconds, 3), gcPausesOver100ms: pausesOver100ms,
          eventLoopDelayMs: { p99: round((end.get('hq_nodejs_eventloop_lag_p99_seconds') ?? 0) * 1000, 1), max: round((end.get('hq_nodejs_eventloop_lag_max_seconds') ?? 0) * 1000, 1) },
          heapUsedMb: round((end.get('hq_nodejs_heap_size_used_bytes') ?? 0) / 2 ** 20, 0),
          shed: delta('hq_shed_requests_total{reason="overloaded"}'),
        };
      });
    },
  };
}
