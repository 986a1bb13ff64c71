import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Deps } from './app-env';
import { onError } from './errors';
import { rateLimit } from './rate-limit';

function limitedApp() {
  const deps = { clock: () => new Date('2026-11-22T04:00:00Z') } as Deps;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.post('/sign-in', rateLimit({ limit: 3, windowMs: 60_000, key: (c) => c.req.header('x-address') ?? '' }), (c) => c.text('ok'));
  app.onError(onError);
  return (address: string) => app.request('/sign-in', { method: 'POST', headers: { 'x-address': address } });
}

describe('rateLimit', () => {
  it('refuses an address past its limit within the window', async () => {
    const attempt = limitedApp();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('10.0.0.1')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('never forgets an address at its limit when a flood of new addresses fills the table', async () => {
    const attempt = limitedApp();
    for (let i = 0; i < 3; i++) await attempt('10.0.0.1');
    for (let i = 0; i < 10_001; i++) await attempt(`flood-${i}`);
    expect((await attempt('10.0.0.1')).status).toBe(429);
  });
});
