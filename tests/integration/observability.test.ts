import { createApp } from '@pos/hq-server/app';
import { observabilityFor } from '@pos/hq-server/observability/observability';
import { DEMO_CHAIN } from '@pos/hq-server/seed/demo-org';
import { defaultTillSyncSettings, ErrorBody } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, DEMO_PIN, json, makeSale, pairTill, type Fixture } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const METRICS_TOKEN = 'scrape-token-0123456789';

let database: TestDatabase;
let f: Fixture;
const lines: string[] = [];
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  const observability = observabilityFor(
    { POS_MODE: 'production', METRICS_TOKEN, LOG_FORMAT: 'json', LOG_REQUESTS: 'all' },
    { write: (line) => void lines.push(line) },
  );
  app = createApp({ ...f.deps, observability });
  f = { ...f, app };
});
afterAll(() => database.close());

const scrape = async () => {
  const res = await app.request('/metrics', bearer(METRICS_TOKEN));
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one sample line of the Prometheus text, 0 when absent. */
const sample = (text: string, series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);

describe('health and readiness', () => {
  it('answers /health and /ready without a token', async () => {
    expect(await (await app.request('/health')).json()).toMatchObject({ status: 'ok' });
    const ready = await app.request('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 NOT_READY, saying why, on a database without the migrations', async () => {
    const bare = await createTestDatabase({ migrated: false });
    try {
      const res = await createApp({ ...f.deps, db: bare.db }).request('/ready');
      expect(res.status).toBe(503);
      const body = ErrorBody.parse(await res.json());
      expect(body.error.code).toBe('NOT_READY');
      expect(body.error.message).toContain('lacks migrations');
    } finally {
      await bare.close();
    }
  });
});

describe('GET /metrics', () => {
  it('is for the monitoring’s token only: none, a wrong one or a session gets 401, and it is off without observability', async () => {
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', bearer('wrong-token-0123456789'))).status).toBe(401);
    const till = await pairTill(f, 'S002');
    expect((await app.request('/metrics', bearer(till.deviceToken))).status).toBe(401);
    expect((await createApp(f.deps).request('/metrics', bearer(METRICS_TOKEN))).status).toBe(403);
  });

  it('counts pushed documents by kind and status, and request latency by route pattern', async () => {
    const before = await scrape();
    const till = await pairTill(f, 'S001');
    const sale = makeSale(f, till, '0012');
    for (let i = 0; i < 2; i++) expect((await app.request('/sync/push', json({ documents: [sale, { kind: 'sale', id: 'x' }] }, till.deviceToken))).status).toBe(200);
    const text = await scrape();
    const counted = (status: string) => sample(text, `hq_pushed_documents_total{kind="sale",status="${status}"}`) - sample(before, `hq_pushed_documents_total{kind="sale",status="${status}"}`);
    expect([counted('accepted'), counted('duplicate'), counted('rejected')]).toEqual([1, 1, 2]);
    expect(sample(text, 'hq_http_request_duration_seconds_count{method="POST",route="/sync/push",status="200"}')).toBe(2);
    expect(text).toContain('route="/devices/pair"');
  });

  it('counts a till silent once it has not been heard of for longer than the chain allows', async () => {
    const chain = `{chain="${DEMO_CHAIN.code}"}`;
    // Paired now: heard of now, though it has not synced yet.
    await pairTill(f, 'S003');
    const before = await scrape();
    expect(sample(before, `hq_tills_in_service${chain}`)).toBeGreaterThanOrEqual(1);
    f.clock.advance((defaultTillSyncSettings.silentAfterMinutes + 1) * 60_000);
    const after = await scrape();
    expect(sample(after, `hq_tills_silent${chain}`)).toBeGreaterThanOrEqual(sample(before, `hq_tills_silent${chain}`) + 1);
    expect(after).toContain('# TYPE hq_member_messages_pending gauge');
    expect(after).toContain('# TYPE hq_sync_rejections_open gauge');
  });
});

describe('request log', () => {
  it('writes a JSON line per request with the caller, and never the PIN, the token or the card number', async () => {
    const till = await pairTill(f, 'S001');
    lines.length = 0;
    const wrong = await app.request('/auth/clerk/sign-in', json({ clerkCode: '0011', pin: '9731' }, till.deviceToken));
    expect(wrong.status).toBe(401);
    const right = await app.request('/auth/clerk/sign-in', json({ clerkCode: '0011', pin: DEMO_PIN }, till.deviceToken));
    const session = (await right.json()) as { token: string };
    await app.request('/members/lookup?code=888800018', bearer(till.deviceToken));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map((l) => [l.route, l.status, l.principal, l.chainId])).toEqual([
      ['/auth/clerk/sign-in', 401, 'device', f.chainId],
      ['/auth/clerk/sign-in', 200, 'device', f.chainId],
      ['/members/lookup', 200, 'device', f.chainId],
    ]);
    const all = lines.join('\n');
    for (const secret of ['9731', till.deviceToken, session.token, '888800018']) expect(all).not.toContain(secret);
  });
});
