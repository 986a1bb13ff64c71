import { PushResponse, StoreDayReport, type PairedDevice } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let eastTill: PairedDevice;
let westTill: PairedDevice;

const day = '2026-11-22';
const report = (token: string, storeId?: string) =>
  f.app.request(`/reports/store-day?from=${day}&to=${day}${storeId ? `&storeId=${storeId}` : ''}`, bearer(token));

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  eastTill = await pairTill(f, 'S004');
  westTill = await pairTill(f, 'S006');
  for (const till of [eastTill, westTill]) {
    const res = await f.app.request('/sync/push', json({ documents: [makeSale(f, till, till === eastTill ? '0042' : '0062')] }, till.deviceToken));
    expect(PushResponse.parse(await res.json()).results[0]!.status).toBe('accepted');
  }
});
afterAll(() => database.close());

describe('scope', () => {
  it('shows a franchisee only their own stores', async () => {
    const res = await report(await signInOffice(f, 'east@demo.pos'));
    expect(res.status).toBe(200);
    const body = StoreDayReport.parse(await res.json());
    expect(body.rows.map((r) => r.storeCode)).toEqual(['S004']);
  });

  it('answers 404 when a franchisee asks for another franchisee’s store', async () => {
    const res = await report(await signInOffice(f, 'east@demo.pos'), f.storeIds.S006);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no such store' } });
  });

  it('lets HQ see every store', async () => {
    const body = StoreDayReport.parse(await (await report(await signInOffice(f, 'hq@demo.pos'))).json());
    expect(body.rows.map((r) => r.storeCode).sort()).toEqual(['S004', 'S006']);
  });

  it('refuses a till pushing a sale of another store', async () => {
    const foreign = { ...makeSale(f, eastTill, '0042'), storeId: f.storeIds.S006 };
    const res = await f.app.request('/sync/push', json({ documents: [foreign] }, eastTill.deviceToken));
    const result = PushResponse.parse(await res.json()).results[0]!;
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'FORBIDDEN' } });
    const west = StoreDayReport.parse(await (await report(westTill.deviceToken)).json());
    expect(west.totals.tickets).toBe(1);
  });

  it('refuses an office user on the till sync endpoints (403) and anyone without a token (401)', async () => {
    const office = await signInOffice(f, 'east@demo.pos');
    expect((await f.app.request('/sync/push', json({ documents: [makeSale(f, eastTill, '0042')] }, office))).status).toBe(403);
    expect((await f.app.request('/sync/pull', bearer(office))).status).toBe(403);
    expect((await f.app.request('/sync/pull')).status).toBe(401);
    expect((await f.app.request('/sync/pull', bearer('dev.not-a-token'))).status).toBe(401);
  });

  it('lets a till read its own store’s day and nothing else', async () => {
    expect((await report(eastTill.deviceToken, f.storeIds.S006)).status).toBe(404);
    const own = StoreDayReport.parse(await (await report(eastTill.deviceToken)).json());
    expect(own.rows.map((r) => r.storeCode)).toEqual(['S004']);
  });
});
