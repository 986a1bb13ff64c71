import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';
import { AppError } from './errors';

/** Answered whatever the load: a load balancer and monitoring must hear from an overloaded process. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

export interface AdmissionOptions {
  /** Requests this process works on at once; the next is turned away with 503 `OVERLOADED`. */
  maxInFlight: number;
  /** What a turned-away caller is told to wait (`Retry-After`); tills spread their return over as long again. */
  retryAfterSeconds: number;
  /** Counts each request turned away. */
  onShed?: (reason: 'overloaded' | 'draining') => void;
}

/**
 * How many requests this process takes on at once. Past `maxInFlight` HQ answers at once with 503
 * `OVERLOADED` and `Retry-After`, instead of queueing without limit until every till's request
 * times out. While the process drains for a shutdown it turns new requests away the same way (and
 * /ready says not ready) and `idle()` waits for those under way.
 */
export function createAdmission({ maxInFlight, retryAfterSeconds, onShed }: AdmissionOptions) {
  let inFlight = 0;
  let draining = false;
  const whenIdle: (() => void)[] = [];

  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    if (PROBES.has(c.req.path)) return next();
    if (draining || inFlight >= maxInFlight) {
      onShed?.(draining ? 'draining' : 'overloaded');
      const wait = draining ? 1 : retryAfterSeconds;
      c.header('retry-after', String(wait));
      throw new AppError(
        'OVERLOADED',
        draining ? 'this HQ process is shutting down; try again in a second' : `HQ is busy with ${inFlight} requests; try again in ${wait} seconds`,
        { retryAfterSeconds: wait },
      );
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) whenIdle.splice(0).forEach((resolve) => resolve());
    }
  });

  return {
    middleware,
    inFlight: () => inFlight,
    get draining() {
      return draining;
    },
    /** Turns new requests away from now on; resolves when none is under way, or after `graceMs`. */
    drain(graceMs: number): Promise<'idle' | 'timed out'> {
      draining = true;
      if (inFlight === 0) return Promise.resolve('idle');
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve('timed out'), graceMs);
        whenIdle.push(() => {
          clearTimeout(timer);
          resolve('idle');
        });
      });
    },
  };
}

export type Admission = ReturnType<typeof createAdmission>;
