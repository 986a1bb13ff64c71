import { prices } from '@pos/hq-server/catalog/catalog.tables';
import { PriceEntry, PullResponse, StorePricePage, StorePricingSettings } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
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
const remove = (path: string, token: string) => f.app.request(path, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const priceOf = (store: string, productId: string) => `/pricing/store-prices/${f.storeIds[store]}/${productId}`;
const setPolicy = async (storePricingPolicy: StorePricingSettings['storePricingPolicy'], storePriceBandBp = 1000) =>
  expect((await put('/settings/store-pricing', { storePricingPolicy, storePriceBandBp }, hq)).status).toBe(200);
const storeRows = (store: string, productId: string) =>
  f.deps.db.select().from(prices).where(and(eq(prices.chainId, f.chainId), eq(prices.storeId, f.storeIds[store]!), eq(prices.productId, productId)));
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: unknown } }).error;

async function pulledPrices(deviceToken: string) {
  const res = await f.app.request('/sync/pull?cursor=0&limit=5000', bearer(deviceToken));
  return PullResponse.parse(await res.json()).changes.flatMap((c) => (c.entity === 'price' ? [c.data] : []));
}

describe('store prices within HQ’s band', () => {
  it('starts the demo chain with franchisees pricing their stores within ±10%', async () => {
    expect(StorePricingSettings.parse(await (await f.app.request('/settings/store-pricing', bearer(east))).json()))
      .toEqual({ storePricingPolicy: 'franchisee', storePriceBandBp: 1000 });
    expect((await put('/settings/store-pricing', { storePricingPolicy: 'hq_only', storePriceBandBp: 500 }, east)).status).toBe(403);
  });

  it('takes a franchisee’s price inside the band, and only that store’s tills pull it', async () => {
    const item = f.catalog[10]!;
    const amountMinor = Math.floor(item.priceMinor * 1.05);
    const res = await put(priceOf('S004', item.id), { amountMinor }, east);
    expect(res.status).toBe(200);
    const entry = PriceEntry.parse(await res.json());
    expect(entry).toMatchObject({ productId: item.id, storeId: f.storeIds.S004, kind: 'retail', amountMinor });
    const own = await pulledPrices((await pairTill(f, 'S004')).deviceToken);
    expect(own.filter((p) => p.id === entry.id)).toHaveLength(1);
    for (const other of ['S005', 'S001']) expect((await pulledPrices((await pairTill(f, other)).deviceToken)).some((p) => p.id === entry.id)).toBe(false);
    const page = StorePricePage.parse(await (await f.app.request(`/pricing/store-prices?storeId=${f.storeIds.S004}&q=${encodeURIComponent(item.nameEn)}`, bearer(east))).json());
    const row = page.items.find((r) => r.product.id === item.id)!;
    expect(row).toMatchObject({ chainPriceMinor: item.priceMinor, current: { id: entry.id, amountMinor }, band: { source: 'default' } });
    expect(row.band).toEqual({ minMinor: Math.ceil(item.priceMinor * 0.9), maxMinor: Math.floor(item.priceMinor * 1.1), source: 'default' });
  });

  it('refuses a price outside the band, naming the band, and writes nothing', async () => {
    const item = f.catalog[11]!;
    const res = await put(priceOf('S004', item.id), { amountMinor: item.priceMinor * 2 }, east);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'PRICE_OUTSIDE_BAND', details: { minMinor: Math.ceil(item.priceMinor * 0.9), maxMinor: Math.floor(item.priceMinor * 1.1), source: 'default' } });
    expect(await storeRows('S004', item.id)).toEqual([]);
  });

  it('keeps a franchisee to their stores and a store manager out unless the policy lets them', async () => {
    const item = f.catalog[12]!;
    expect((await put(priceOf('S006', item.id), { amountMinor: item.priceMinor }, east)).status).toBe(404);
    expect((await remove(priceOf('S004', f.catalog[10]!.id), west)).status).toBe(404);
    expect((await put(priceOf('S001', item.id), { amountMinor: item.priceMinor }, manager)).status).toBe(403);
    await setPolicy('franchisee_and_store_manager');
    expect((await put(priceOf('S001', item.id), { amountMinor: item.priceMinor }, manager)).status).toBe(200);
    expect((await put(priceOf('S002', item.id), { amountMinor: item.priceMinor }, manager)).status).toBe(404);
    await setPolicy('hq_only');
    expect((await put(priceOf('S004', item.id), { amountMinor: item.priceMinor }, east)).status).toBe(403);
    expect((await put(priceOf('S001', item.id), { amountMinor: item.priceMinor }, manager)).status).toBe(403);
    expect(await storeRows('S004', item.id)).toEqual([]);
    await setPolicy('franchisee');
  });

  it('checks a product’s own band first, which only HQ sets', async () => {
    const item = f.catalog[13]!;
    const band = { minMinor: item.priceMinor * 2, maxMinor: item.priceMinor * 3 };
    expect((await put(`/pricing/bands/${item.id}`, band, east)).status).toBe(403);
    expect((await put(`/pricing/bands/${item.id}`, { minMinor: 10, maxMinor: 5 }, hq)).status).toBe(400);
    expect((await put(`/pricing/bands/${item.id}`, band, hq)).status).toBe(200);
    expect(await errorOf(await put(priceOf('S005', item.id), { amountMinor: item.priceMinor }, east))).toMatchObject({ code: 'PRICE_OUTSIDE_BAND', details: { ...band, source: 'product' } });
    expect((await put(priceOf('S005', item.id), { amountMinor: band.minMinor }, east)).status).toBe(200);
    expect((await remove(`/pricing/bands/${item.id}`, hq)).status).toBe(200);
    expect((await remove(`/pricing/bands/${item.id}`, hq)).status).toBe(404);
  });

  it('checks a scheduled store price against the chain price in force when it starts', async () => {
    const item = f.catalog[14]!;
    const start = new Date(f.clock().getTime() + 2 * 86_400_000).toISOString();
    const later = new Date(f.clock().getTime() + 3 * 86_400_000).toISOString();
    expect((await f.app.request('/pricing/prices', json({ productId: item.id, amountMinor: item.priceMinor * 2, effectiveFrom: start }, hq))).status).toBe(201);
    expect((await put(priceOf('S004', item.id), { amountMinor: item.priceMinor * 2 }, east)).status).toBe(400);
    const scheduled = await put(priceOf('S004', item.id), { amountMinor: item.priceMinor * 2, effectiveFrom: later }, east);
    expect(scheduled.status).toBe(200);
    const past = new Date(f.clock().getTime() - 60_000).toISOString();
    expect((await put(priceOf('S004', item.id), { amountMinor: item.priceMinor, effectiveFrom: past }, east)).status).toBe(400);
  });

  it('lets HQ set any store price, outside the band too', async () => {
    const item = f.catalog[15]!;
    expect((await put(priceOf('S006', item.id), { amountMinor: item.priceMinor * 5 }, hq)).status).toBe(200);
  });

  it('clears a store’s own price so it sells at the chain price again, and tills drop it', async () => {
    const item = f.catalog[10]!;
    const till = await pairTill(f, 'S004');
    expect(await (await remove(priceOf('S004', item.id), east)).json()).toEqual({ cleared: 1 });
    expect((await remove(priceOf('S004', item.id), east)).status).toBe(404);
    expect((await storeRows('S004', item.id)).map((r) => r.active)).toEqual([false]);
    const page = StorePricePage.parse(await (await f.app.request(`/pricing/store-prices?storeId=${f.storeIds.S004}&q=${encodeURIComponent(item.nameEn)}`, bearer(east))).json());
    expect(page.items.find((r) => r.product.id === item.id)?.current).toBeNull();
    const pulled = (await pulledPrices(till.deviceToken)).filter((p) => p.productId === item.id && p.storeId === f.storeIds.S004);
    expect(pulled.map((p) => p.active)).toEqual([false]);
  });

  it('pages the store’s products with a total, and a store out of scope is 404', async () => {
    const page = StorePricePage.parse(await (await f.app.request(`/pricing/store-prices?storeId=${f.storeIds.S004}&limit=7&offset=14`, bearer(east))).json());
    expect(page.items).toHaveLength(7);
    expect(page.total).toBe(300);
    expect((await f.app.request(`/pricing/store-prices?storeId=${f.storeIds.S006}`, bearer(east))).status).toBe(404);
  });
});
