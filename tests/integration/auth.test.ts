import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { ClerkSession, PairingCode } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, DEMO_PIN, json, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
const clock = testClock();

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
});
afterAll(() => database.close());

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('device pairing', () => {
  it('lets an office user make a code that pairs a till exactly once', async () => {
    const office = await signInOffice(f, 's001@demo.pos');
    const made = await f.app.request('/devices/pairing-codes', json({ storeId: f.storeIds.S001, name: 'Front till' }, office));
    expect(made.status).toBe(201);
    const { code } = PairingCode.parse(await made.json());
    expect((await f.app.request('/devices/pair', json({ code }))).status).toBe(200);
    const again = await f.app.request('/devices/pair', json({ code }));
    expect(again.status).toBe(400);
    expect(await errorCode(again)).toBe('PAIRING_CODE_INVALID');
  });

  it('will not let a store manager make a till for another store', async () => {
    const office = await signInOffice(f, 's001@demo.pos');
    const res = await f.app.request('/devices/pairing-codes', json({ storeId: f.storeIds.S002, name: 'Sneaky' }, office));
    expect(res.status).toBe(404);
  });

  it('refuses an expired code', async () => {
    const [device] = await f.deps.db.select().from(tillDevices).where(eq(tillDevices.storeId, f.storeIds.S003!));
    await rearmPairingCode(f.deps, f.chainId, device!.id, '55554444', 30);
    clock.advance(31 * 60_000);
    expect((await f.app.request('/devices/pair', json({ code: '55554444' }))).status).toBe(400);
  });
});

describe('clerk sign-in', () => {
  it('signs a clerk in with the right PIN and locks them after five wrong ones', async () => {
    const till = await pairTill(f, 'S002');
    const signIn = (pin: string) => f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0022', pin }, till.deviceToken));
    const ok = await signIn(DEMO_PIN);
    expect(ok.status).toBe(200);
    expect(ClerkSession.parse(await ok.json()).clerk.code).toBe('0022');
    for (let i = 0; i < 4; i++) expect(await errorCode(await signIn('0000'))).toBe('PIN_INVALID');
    const locked = await signIn('0000');
    expect(locked.status).toBe(423);
    expect((await signIn(DEMO_PIN)).status).toBe(423);
    clock.advance(5 * 60_000 + 1000);
    expect((await signIn(DEMO_PIN)).status).toBe(200);
  });

  it('does not sign in a clerk of another store', async () => {
    const till = await pairTill(f, 'S002');
    const res = await f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0012', pin: DEMO_PIN }, till.deviceToken));
    expect(res.status).toBe(401);
  });
});

describe('office sessions', () => {
  it('refuses a wrong password and a session past its expiry', async () => {
    const wrong = await f.app.request('/auth/office/sign-in', json({ email: 'hq@demo.pos', password: 'nope' }));
    expect(wrong.status).toBe(401);
    const token = await signInOffice(f, 'hq@demo.pos');
    const report = () => f.app.request('/reports/store-day?from=2026-11-01&to=2026-11-30', bearer(token));
    expect((await report()).status).toBe(200);
    clock.advance(12 * 3_600_000 + 1000);
    expect((await report()).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('describes every route HQ serves', async () => {
    const doc = (await (await f.app.request('/openapi.json')).json()) as { paths: Record<string, object> };
    // Hono writes path parameters as `:id`, OpenAPI as `{id}`.
    const asOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');
    const served = new Set(f.app.routes.filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json').map((r) => asOpenApi(r.path)));
    expect(served.size).toBeGreaterThanOrEqual(8);
    expect(new Set(Object.keys(doc.paths))).toEqual(served);
  });
});
