import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';
import { AppError } from './errors';

/**
 * A fixed-window limit per client address (or per `key`), in memory: enough to stop guessing of
 * pairing codes and passwords on one HQ process. Behind a load balancer this moves to a shared store.
 */
export function rateLimit({ limit, windowMs, key: keyOf = clientAddress }: { limit: number; windowMs: number; key?: (c: Context<AppEnv>) => string }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = c.var.deps.clock().getTime();
    const key = keyOf(c);
    const window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      windows.set(key, { start: now, count: 1 });
      if (windows.size > MAX_WINDOWS) forgetHarmless(windows, now, windowMs, limit);
    } else if (++window.count > limit) {
      throw new AppError('RATE_LIMITED', 'too many attempts; wait a minute and try again', { retryAfterSeconds: Math.ceil((window.start + windowMs - now) / 1000) });
    }
    await next();
  });
}

const MAX_WINDOWS = 10_000;

/**
 * Keeps memory bounded without letting a flood of new addresses wipe the count of one that has
 * reached its limit: only windows that have run out, or that are below the limit, are dropped.
 */
function forgetHarmless(windows: Map<string, { start: number; count: number }>, now: number, windowMs: number, limit: number): void {
  for (const [key, window] of windows) {
    if (now - window.start >= windowMs || window.count < limit) windows.delete(key);
  }
}

/**
 * The client's address. Behind a reverse proxy every request comes from the proxy, so with
 * `TRUST_PROXY` it is the last address in `X-Forwarded-For`: the one the proxy saw (nginx's
 * `$proxy_add_x_forwarded_for` appends it; what the client sent before it is not trusted).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const forwarded = c.var.deps.config.TRUST_PROXY ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  return forwarded || (env?.incoming?.socket?.remoteAddress ?? 'in-process');
}

/** One count per signed-in till or office user, for use after `authenticate`: a store's tills share one address. */
export function callerKey(c: Context<AppEnv>): string {
  const principal = c.var.principal;
  return principal.kind === 'device' ? `device:${principal.deviceId}` : `office:${principal.userId}`;
}
