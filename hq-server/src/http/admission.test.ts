import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission';
import type { AppEnv } from './app-env';
import { onError } from './errors';

/** An app whose `/job` waits until released, behind an admission of `maxInFlight`. */
function admittedApp(maxInFlight: number) {
  const shed: string[] = [];
  const admission = createAdmission({ maxInFlight, retryAfterSeconds: 5, onShed: (reason) => shed.push(reason) });
  const waiting: (() => void)[] = [];
  const app = new Hono<AppEnv>();
  app.use(admission.middleware);
  app.get('/job', async (c) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return c.text('done');
  });
  app.get('/health', (c) => c.text('ok'));
  app.onError(onError);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { admission, app, shed, settle, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}

describe('createAdmission', () => {
  it('turns a request past the limit away at once with 503 OVERLOADED and Retry-After, and takes requests again when there is room', async () => {
    const { admission, app, shed, settle, release } = admittedApp(2);
    const working = [app.request('/job'), app.request('/job')];
    await settle();
    expect(admission.inFlight()).toBe(2);
    const refused = await app.request('/job');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ error: { code: 'OVERLOADED', details: { retryAfterSeconds: 5 } } });
    expect((await app.request('/health')).status, 'probes are answered whatever the load').toBe(200);
    release();
    expect((await Promise.all(working)).map((r) => r.status)).toEqual([200, 200]);
    expect(admission.inFlight()).toBe(0);
    const again = app.request('/job');
    await settle();
    release();
    expect((await again).status).toBe(200);
    expect(shed).toEqual(['overloaded']);
  });

  it('drains for a shutdown: new requests are turned away, and it waits for those under way', async () => {
    const { admission, app, shed, settle, release } = admittedApp(10);
    const working = app.request('/job');
    await settle();
    const drained = admission.drain(60_000);
    expect(admission.draining).toBe(true);
    const refused = await app.request('/job');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    release();
    expect((await working).status, 'the request under way finishes').toBe(200);
    expect(await drained).toBe('idle');
    expect(shed).toEqual(['draining']);
  });

  it('stops waiting after the grace period', async () => {
    const { admission, app, settle, release } = admittedApp(10);
    const working = app.request('/job');
    await settle();
    expect(await admission.drain(10)).toBe('timed out');
    release();
    await working;
  });
});
