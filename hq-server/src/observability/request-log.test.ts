import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Deps } from '../http/app-env';
import { onError } from '../http/errors';
import type { LogLevel } from './logger';
import { observabilityFor } from './observability';
import { observeRequests } from './request-log';

function appWithLog(logRequests: 'all' | 'failed') {
  const lines: string[] = [];
  const observability = observabilityFor({ POS_MODE: 'production', LOG_FORMAT: 'json', LOG_REQUESTS: logRequests, METRICS_TOKEN: undefined }, { write: (line: string, _level: LogLevel) => void lines.push(line) });
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', { observability } as Deps);
    await next();
  });
  app.use(observeRequests(observability));
  app.post('/auth/clerk/sign-in', (c) => {
    c.set('principal', { kind: 'device', chainId: 'chain-1', deviceId: 'd', deviceCode: 'T1', storeId: 's', storeTimeZone: 'Asia/Shanghai' });
    return c.json({ error: { code: 'PIN_INVALID', message: 'wrong PIN' } }, 401);
  });
  app.get('/members/:id', (c) => c.json({ id: c.req.param('id') }));
  app.get('/boom', () => {
    throw new Error('failed for card 6222021234567890 with Bearer ofs.secret');
  });
  app.onError(onError);
  return { app, lines, observability };
}

describe('request log lines', () => {
  it('write method, route pattern, status, duration, request id and the caller, and nothing of the request’s secrets', async () => {
    const { app, lines } = appWithLog('all');
    const token = `dev.0195505c-0000-7000-8000-0000000000b1.${'A'.repeat(43)}`;
    const res = await app.request('/auth/clerk/sign-in?cardNo=6222021234567890', {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': 'lb-42' },
      body: JSON.stringify({ clerkCode: '0011', pin: '9876', password: 'demo1234' }),
    });
    expect(res.headers.get('x-request-id')).toBe('lb-42');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info', msg: 'request', requestId: 'lb-42', method: 'POST', route: '/auth/clerk/sign-in', status: 401, chainId: 'chain-1', principal: 'device',
    });
    expect(typeof JSON.parse(lines[0]!).durationMs).toBe('number');
    for (const secret of ['9876', 'demo1234', token, '6222021234567890', 'A'.repeat(43)]) expect(lines[0]).not.toContain(secret);
  });

  it('names the route pattern, never the ids in the path, and makes a request id when none was sent', async () => {
    const { app, lines } = appWithLog('all');
    const res = await app.request('/members/0195505c-0000-7000-8000-0000000000b1');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ route: '/members/{id}', status: 200 });
    expect(lines[0]).not.toContain('0000000000b1');
    await app.request('/nowhere/at/all');
    expect(JSON.parse(lines[1]!)).toMatchObject({ route: 'unmatched', status: 404 });
  });

  it('logs a failure with its error, redacted, and only failures when asked', async () => {
    const { app, lines, observability } = appWithLog('failed');
    await app.request('/members/1');
    expect(lines).toEqual([]);
    expect((await app.request('/boom')).status).toBe(500);
    const line = JSON.parse(lines[0]!) as { level: string; error: { message: string } };
    expect(line.level).toBe('error');
    expect(line.error.message).toBe('failed for card ************7890 with Bearer [redacted]');
    expect(await observability.metrics.registry.metrics()).toContain('hq_http_request_duration_seconds_count{method="GET",route="/members/{id}",status="200"} 1');
  });
});
