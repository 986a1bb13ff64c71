import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from './errors';

/** A driver error as drizzle hands it on: its own error, with the driver's (and its SQLSTATE) as `cause`. */
function wrapped(sqlState: string): Error {
  return new Error('Failed query: insert into members … params: secret', { cause: Object.assign(new Error('driver says no'), { code: sqlState }) });
}

function appThrowing(error: Error) {
  const app = new Hono();
  app.get('/', () => {
    throw error;
  });
  app.onError(onError);
  return app;
}

describe('onError', () => {
  it('answers a unique or foreign-key violation no route foresaw with 409, never the statement', async () => {
    const res = await appThrowing(wrapped('23505')).request('/');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'CONFLICT', message: 'the request conflicts with what HQ holds', details: { sqlState: '23505' } } });
  });

  it('answers a value the database cannot hold with 400', async () => {
    const res = await appThrowing(wrapped('22P05')).request('/');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a deadlock or serialisation failure that outlasted its retries with 503 and a second to wait, never the statement', async () => {
    for (const sqlState of ['40P01', '40001']) {
      const res = await appThrowing(wrapped(sqlState)).request('/');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      const body = await res.text();
      expect(JSON.parse(body).error.code).toBe('OVERLOADED');
      expect(body).not.toContain('secret');
    }
  });

  it('keeps a broken connection a 500 that can be retried, without its text', async () => {
    const res = await appThrowing(wrapped('08006')).request('/');
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret');
  });
});
