import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv, Principal } from '../http/app-env';
import type { Observability } from './observability';

const REQUEST_ID_HEADER = 'x-request-id';

/** The caller's request id when it is a plain token (a proxy's or the till's), else a new one. */
const requestIdOf = (sent: string | undefined) => (sent && /^[\w.:-]{1,64}$/.test(sent) ? sent : randomUUID());

const isRoute = (route: { method: string; path: string }) => route.method !== 'ALL' && route.path !== '*' && route.path !== '/*';

/**
 * The route pattern that answered (`/members/{id}`), never the path itself, so neither ids nor
 * query strings reach the log or the metrics' labels. After the request, `routeIndex` is the last
 * handler run: the route's own (or one of its middleware), or a middleware of the whole API that
 * answered first (a body too large), whose route is the next one matched; `unmatched` when none is.
 */
export function routePatternOf(c: Context): string {
  const route = matchedRoutes(c).slice(c.req.routeIndex).find(isRoute);
  return route ? route.path.replace(/:(\w+)/g, '{$1}') : 'unmatched';
}

/**
 * One log line and one latency observation per API request: method, route pattern, status,
 * duration and request id, and the caller's chain and kind once signed in. The request id is
 * answered in `x-request-id` so a till or a proxy can quote it.
 */
export const observeRequests = (observability: Observability) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header(REQUEST_ID_HEADER));
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const route = routePatternOf(c);
    const { status } = c.res;
    observability.metrics.requestSeconds.observe({ method: c.req.method, route, status: String(status) }, durationMs / 1000);
    if (observability.logRequests === 'failed' && status < 400) return;
    const principal = c.var.principal as Principal | undefined;
    const fields = {
      requestId, method: c.req.method, route, status, durationMs,
      ...(principal ? { chainId: principal.chainId, principal: principal.kind } : {}),
      // Drizzle's error repeats the statement and its values; its cause (the driver's) is what helps.
      ...(c.error && status >= 500 ? { error: c.error.cause instanceof Error ? c.error.cause : c.error } : {}),
    };
    if (status >= 500) observability.logger.error('request', fields);
    else observability.logger.info('request', fields);
  });
