import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/errors';
import { jsonResponse } from '../http/openapi-helpers';
import { scrapeMetrics } from './metrics';
import type { Observability } from './observability';
import { checkReadiness } from './readiness';

const health = createRoute({
  method: 'get', path: '/health', tags: ['health'], summary: 'Whether HQ is up; tills judge connectivity by this, a load balancer whether the process lives',
  responses: { 200: jsonResponse(z.object({ status: z.literal('ok'), time: z.string() }), 'HQ is up') },
});

const ready = createRoute({
  method: 'get', path: '/ready', tags: ['health'], summary: 'Whether this HQ process can take requests: its database answers promptly and holds every migration',
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ready') }), 'Ready'),
    503: jsonResponse(ErrorBody, '`NOT_READY`: the message says why (database unreachable or slow, migrations missing)'),
  },
});

const metrics = createRoute({
  method: 'get', path: '/metrics', tags: ['health'], security: [{ metricsToken: [] }],
  summary: 'Prometheus metrics of this HQ process: request latency by route and status, pushed documents, silent tills, queues',
  responses: {
    200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
    401: jsonResponse(ErrorBody, 'The metrics token is missing or wrong'),
    403: jsonResponse(ErrorBody, 'Metrics are off: METRICS_TOKEN is not set in production'),
  },
});

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Lets the scrape through as the process's metrics access says (none: closed); the token is compared in constant time. */
function authorizeScrape(observability: Observability | undefined, authorization: string | undefined): Observability {
  const access = observability?.metricsAccess ?? 'closed';
  if (access === 'closed' || !observability) throw new AppError('FORBIDDEN', 'metrics are off: set METRICS_TOKEN and send it as `Authorization: Bearer <token>`');
  if (access === 'open') return observability;
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!sent || !timingSafeEqual(digest(sent), digest(access.token))) throw new AppError('UNAUTHENTICATED', 'send the metrics token as `Authorization: Bearer <token>`');
  return observability;
}

/** Liveness, readiness and metrics: what a load balancer and a chain's monitoring ask of each HQ process. */
export const observabilityRoutes = new OpenAPIHono<AppEnv>()
  .openapi(health, (c) => c.json({ status: 'ok' as const, time: c.var.deps.clock().toISOString() }, 200))
  .openapi(ready, async (c) => {
    if (c.var.deps.admission?.draining) throw new AppError('NOT_READY', 'this process is shutting down');
    const readiness = await checkReadiness(c.var.deps.db);
    if (!readiness.ready) throw new AppError('NOT_READY', readiness.reason);
    return c.json({ status: 'ready' as const }, 200);
  })
  .openapi(metrics, async (c) => {
    const { metrics: registered } = authorizeScrape(c.var.deps.observability, c.req.header('authorization'));
    const text = await scrapeMetrics(registered, c.var.deps.db, c.var.deps.clock());
    return c.text(text, 200, { 'content-type': registered.registry.contentType });
  });
