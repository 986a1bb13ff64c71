import { AuditPage, type AuditEntry } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import { createPromotion, every, ruleOf } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
let manager: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  west = await signInOffice(f, 'west@demo.pos');
  manager = await signInOffice(f, 's001@demo.pos');
});
afterAll(() => database.close());

const put = (path: string, body: unknown, token: string) => f.app.request(path, { ...json(body, token), method: 'PUT' });
async function trail(query: string, token: string): Promise<AuditPage> {
  const res = await f.app.request(`/audit?${query}`, bearer(token));
  expect(res.status).toBe(200);
  return AuditPage.parse(await res.json());
}
const storesOf = (items: AuditEntry[]) => [...new Set(items.map((e) => e.storeId))];

describe('GET /audit', () => {
  it('records the changes of every capability, newest first, with who made them', async () => {
    const item = f.catalog[20]!;
    expect((await put(`/pricing/store-prices/${f.storeIds.S004}/${item.id}`, { amountMinor: item.priceMinor }, east)).status).toBe(200);
    f.clock.advance(1000);
    expect((await put(`/pricing/store-prices/${f.storeIds.S006}/${item.id}`, { amountMinor: item.priceMinor }, west)).status).toBe(200);
    f.clock.advance(1000);
    await createPromotion(f, hq, ruleOf('spend_threshold_off', 'Audited', { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false }));
    f.clock.advance(1000);
    expect((await put('/settings/pricing', { cashRounding: { unitMinor: 10, mode: 'down' }, scaleLayouts: [] }, hq)).status).toBe(200);
    const page = await trail('limit=3', hq);
    expect(page.items.map((e) => [e.entity, e.action])).toEqual([['pricing_settings', 'update'], ['promotion', 'create'], ['price', 'create']]);
    expect(page.items[0]!.before).toMatchObject({ cashRounding: { unitMinor: 1 } });
    expect(page.items[0]!.after).toMatchObject({ cashRounding: { unitMinor: 10, mode: 'down' } });
    expect(page.items[2]).toMatchObject({ storeId: f.storeIds.S006, actor: { kind: 'user', name: expect.stringContaining('West') } });
    expect(page.total).toBeGreaterThan(3);
  });

  it('shows a franchisee only the entries about their own stores', async () => {
    const { items, total } = await trail('limit=100', east);
    expect(total).toBeGreaterThan(0);
    expect(storesOf(items).every((id) => id === f.storeIds.S004 || id === f.storeIds.S005)).toBe(true);
    expect(items.some((e) => e.entity === 'promotion' || e.entity === 'pricing_settings')).toBe(false);
    expect(storesOf((await trail('limit=100', west)).items)).not.toContain(f.storeIds.S004);
    expect((await trail('limit=100', manager)).items.every((e) => e.storeId === f.storeIds.S001)).toBe(true);
  });

  it('filters by entity, actor, time and text, and pages with the total of all matches', async () => {
    const prices = await trail('entity=price&limit=2', hq);
    expect(prices.items.every((e) => e.entity === 'price')).toBe(true);
    const both = await trail('entity=price,promotion&limit=100', hq);
    expect(new Set(both.items.map((e) => e.entity))).toEqual(new Set(['price', 'promotion']));
    const next = await trail('entity=price&limit=2&offset=2', hq);
    expect(next.total).toBe(prices.total);
    expect(next.items.map((e) => e.id)).not.toContain(prices.items[0]!.id);
    const eastId = prices.items.find((e) => e.actor.name?.includes('East'))?.actor.id ?? (await trail('q=East&limit=1', hq)).items[0]!.actor.id!;
    expect((await trail(`actorId=${eastId}&limit=100`, hq)).items.every((e) => e.actor.id === eastId)).toBe(true);
    expect((await trail(`q=Audited&limit=100`, hq)).items.map((e) => e.entity)).toEqual(['promotion']);
    const oldest = await trail('order=asc&limit=1', hq);
    const newest = await trail('limit=1', hq);
    expect(oldest.items[0]!.at <= newest.items[0]!.at).toBe(true);
    expect((await trail(`from=${encodeURIComponent(new Date(f.clock().getTime() + 1).toISOString())}`, hq)).total).toBe(0);
    expect((await trail('limit=5&offset=100000', hq)).items).toEqual([]);
  });

  it('refuses bad filters with a 400', async () => {
    for (const query of ['entity=DROP%20TABLE', 'actorId=nope', 'from=yesterday', 'sort=actor', 'limit=0']) {
      expect((await f.app.request(`/audit?${query}`, bearer(hq))).status).toBe(400);
    }
  });
});
