import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Deps } from './app-env';
import { AppError, onError } from './errors';
import { clientAddress, rateLimit } from './rate-limit';

function limitedApp(counts: 'all' | 'failures' = 'all') {
  const deps = { clock: () => new Date('2026-11-22T04:00:00Z') } as Deps;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.post('/sign-in', rateLimit({ limit: 3, windowMs: 60_000, key: (c) => c.req.header('x-address') ?? '', counts }), (c) => {
    if (c.req.header('x-right') !== 'yes') throw new AppError('UNAUTHENTICATED', 'wrong code');
    return c.text('ok');
  });
  app.onError(onError);
  return (address: string, right = true) => app.request('/sign-in', { method: 'POST', headers: { 'x-address': address, 'x-right': right ? 'yes' : 'no' } });
}

describe('rateLimit', () => {
  it('refuses an address past its limit within the window', async () => {
    const attempt = limitedApp();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('10.0.0.1')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('says when to try again', async () => {
    const attempt = limitedApp();
    for (let i = 0; i < 3; i++) await attempt('10.0.0.1');
    const refused = await attempt('10.0.0.1');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } } });
  });

  it('counting failures only, lets a roll-out of many tills behind one address pair while still stopping guesses', async () => {
    const attempt = limitedApp('failures');
    const successes = [];
    for (let i = 0; i < 50; i++) successes.push((await attempt('10.0.0.1')).status);
    expect(successes).toEqual(Array(50).fill(200));
    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push((await attempt('10.0.0.1', false)).status);
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect((await attempt('10.0.0.1')).status, 'the limit holds for the rest of the window').toBe(429);
  });

  it('never forgets an address at its limit when a flood of new addresses fills the table', async () => {
    const attempt = limitedApp();
    for (let i = 0; i < 3; i++) await attempt('10.0.0.1');
    for (let i = 0; i < 10_001; i++) await attempt(`flood-${i}`);
    expect((await attempt('10.0.0.1')).status).toBe(429);
  });

  it('counts the address the proxy saw when HQ trusts its proxy, and the connection’s otherwise', async () => {
    const addressSeen = async (trustProxy: boolean, forwarded: string) => {
      const app = new Hono<AppEnv>();
      app.use(async (c, next) => {
        c.set('deps', { clock: () => new Date('2026-11-22T04:00:00Z'), config: { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12, TRUST_PROXY: trustProxy } } as unknown as Deps);
        await next();
      });
      app.get('/who', (c) => c.text(clientAddress(c)));
      return (await app.request('/who', { headers: { 'x-forwarded-for': forwarded } })).text();
    };
    // What a client wrote into the header itself comes first; nginx appends the address it saw.
    expect(await addressSeen(true, '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
    expect(await addressSeen(false, '1.2.3.4, 203.0.113.7')).toBe('in-process');
  });
});
