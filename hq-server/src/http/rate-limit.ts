import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';
import { AppError } from './errors';

/**
 * A fixed-window limit per client address (or per `key`), in memory: enough to stop guessing of
 * pairing codes and passwords on one HQ process (with several processes an address gets the limit
 * at each). `counts: 'failures'` counts only the requests answered with an error, so a roll-out
 * pairing hundreds of tills, or a store's staff signing in, behind one office address is never
 * held up, while guessing still is. A refusal says when to try again (`Retry-After`).
 */
export function rateLimit({ limit, windowMs, key: keyOf = clientAddress, counts = 'all' }: { limit: number; windowMs: number; key?: (c: Context<AppEnv>) => string; counts?: 'all' | 'failures' }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = c.var.deps.clock().getTime();
    const key = keyOf(c);
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 1 };
      windows.set(key, window);
      if (windows.size > MAX_WINDOWS) forgetHarmless(windows, now, windowMs, limit);
    } else if (++window.count > limit) {
      const retryAfterSeconds = Math.ceil((window.start + windowMs - now) / 1000);
      c.header('retry-after', String(retryAfterSeconds));
      throw new AppError('RATE_LIMITED', 'too many attempts; wait a minute and try again', { retryAfterSeconds });
    }
    await next();
    // Counted before the request ran, so attempts at once cannot pass the limit together; a success gives its count back.
    if (counts === 'failures' && c.res.status < 400) window.count -= 1;
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
