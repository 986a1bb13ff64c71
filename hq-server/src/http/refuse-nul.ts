import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';
import { AppError } from './errors';

/** A JSON string escape `\u0000` that is not itself escaped (an odd run of backslashes before `u0000`). */
const escapedNul = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/**
 * PostgreSQL cannot store the NUL character in text or jsonb, so a JSON body carrying one would
 * fail at the database as a 500. It is refused with 400 first. A push is left to its own
 * per-document checks, so one bad sale does not hold back the rest of its batch.
 */
export const refuseNulInJson = createMiddleware<AppEnv>(async (c, next) => {
  const json = c.req.header('content-type')?.includes('json') ?? false;
  if (json && c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.path !== '/sync/push' && escapedNul.test(await c.req.text())) {
    throw new AppError('VALIDATION_FAILED', 'invalid request body', [{ path: '', message: 'text must not hold the NUL character (\\u0000)' }]);
  }
  await next();
});
