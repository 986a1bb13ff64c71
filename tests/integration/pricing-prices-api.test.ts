import { prices } from '@pos/hq-server/catalog/catalog.tables';
import { PriceEntry, PriceImportResult, ProductPage } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, testClock, type Fixture } from '../support/fixture';
import { createMemberLevel } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
const clock = testClock('2026-11-22T04:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  await createMemberLevel(f, hq, 'GOLD');
});
afterAll(() => database.close());

const details = async (res: Response) => ((await res.json()) as { error: { code: string; details: { path?: string; row?: number; column?: string }[] } }).error;
const priceCount = async () => (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(prices))[0]!.n;
const activePrices = async () => (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(prices).where(eq(prices.active, true)))[0]!.n;
const cancel = (id: string, token = hq) => f.app.request(`/pricing/prices/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const search = async (query: string, token = hq) => f.app.request(`/catalog/products?${query}`, bearer(token));
const importCsv = (text: string, token = hq) => f.app.request('/pricing/prices/import', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: text });

describe('setting prices', () => {
  it('sets a chain price now and schedules a store price, and search shows which applies', async () => {
    const product = f.catalog[5]!;
    const now = await f.app.request('/pricing/prices', json({ productId: product.id, amountMinor: 1234 }, hq));
    expect(now.status).toBe(201);
    expect(PriceEntry.parse(await now.json())).toMatchObject({ storeId: null, kind: 'retail', amountMinor: 1234, effectiveFrom: clock().toISOString(), active: true });
    const later = new Date(clock().getTime() + 86_400_000).toISOString();
    const scheduled = await f.app.request('/pricing/prices', json({ productId: product.id, storeId: f.storeIds.S004, amountMinor: 999, effectiveFrom: later }, hq));
    expect(scheduled.status).toBe(201);
    const page = ProductPage.parse(await (await search(`q=${encodeURIComponent(product.barcode)}&storeId=${f.storeIds.S004}`)).json());
    expect(page.total).toBe(1);
    expect(page.items[0]!.retailNowMinor).toBe(1234);
    clock.advance(86_400_000);
    const tomorrow = ProductPage.parse(await (await search(`q=${encodeURIComponent(product.barcode)}&storeId=${f.storeIds.S004}`, await signInOffice(f, 'hq@demo.pos'))).json());
    clock.advance(-86_400_000);
    expect(tomorrow.items[0]!.retailNowMinor).toBe(999);
  });

  it('refuses bad prices with the path of each problem and changes nothing', async () => {
    const before = await priceCount();
    const product = f.catalog[6]!.id;
    const cases: [unknown, string][] = [
      [{ productId: product, amountMinor: -1 }, 'amountMinor'],
      [{ productId: product, amountMinor: 1.5 }, 'amountMinor'],
      [{ productId: product, amountMinor: 100, kind: 'retail', memberLevelId: '0195505c-0000-7000-8000-000000000001' }, 'memberLevelId'],
      [{ productId: product, amountMinor: 100, effectiveFrom: '2020-01-01T00:00:00Z' }, 'effectiveFrom'],
      [{ productId: '0195505c-0000-7000-8000-000000000002', amountMinor: 100 }, 'productId'],
    ];
    for (const [body, path] of cases) {
      const res = await f.app.request('/pricing/prices', json(body, hq));
      expect(res.status).toBe(400);
      expect((await details(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    expect(await priceCount()).toBe(before);
  });

  it('cancels a scheduled change but not a price in force', async () => {
    const later = new Date(clock().getTime() + 3_600_000).toISOString();
    const entry = PriceEntry.parse(await (await f.app.request('/pricing/prices', json({ productId: f.catalog[7]!.id, amountMinor: 500, effectiveFrom: later }, hq))).json());
    expect(PriceEntry.parse(await (await cancel(entry.id)).json()).active).toBe(false);
    const inForce = PriceEntry.parse(await (await f.app.request('/pricing/prices', json({ productId: f.catalog[7]!.id, amountMinor: 600 }, hq))).json());
    expect((await cancel(inForce.id)).status).toBe(409);
    expect((await cancel('0195505c-0000-7000-8000-000000000003')).status).toBe(404);
  });

  it('refuses an id that is not a UUID, the old query-string path and anyone but HQ, and cancels nothing', async () => {
    const later = new Date(clock().getTime() + 3_600_000).toISOString();
    const entry = PriceEntry.parse(await (await f.app.request('/pricing/prices', json({ productId: f.catalog[8]!.id, amountMinor: 700, effectiveFrom: later }, hq))).json());
    const before = await activePrices();
    const bad = await cancel('42');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'invalid request path', details: [{ path: 'id', message: 'must be a UUID' }] } });
    expect((await f.app.request(`/pricing/prices?id=${entry.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${hq}` } })).status).toBe(404);
    expect((await cancel(entry.id, east)).status).toBe(403);
    expect(await activePrices()).toBe(before);
    expect((await cancel(entry.id)).status).toBe(200);
  });

  it('lets only HQ write prices', async () => {
    const res = await f.app.request('/pricing/prices', json({ productId: f.catalog[0]!.id, amountMinor: 1 }, east));
    expect(res.status).toBe(403);
    expect((await importCsv('sku,price\nSKU000001,1.00', east)).status).toBe(403);
    expect((await f.app.request('/pricing/prices', json({ productId: f.catalog[0]!.id, amountMinor: 1 }))).status).toBe(401);
  });
});

describe('searching products with prices', () => {
  it('pages through the catalog by the office’s list contract, and by name', async () => {
    const first = ProductPage.parse(await (await search('limit=7')).json());
    expect(first.total).toBe(300);
    const skus = (page: ProductPage) => page.items.map((i) => i.product.sku);
    expect(skus(first)).toHaveLength(7);
    expect(skus(first)).toEqual([...skus(first)].sort());
    const next = ProductPage.parse(await (await search('limit=7&offset=7')).json());
    expect(skus(next)[0]! > skus(first)[6]!).toBe(true);
    const backwards = ProductPage.parse(await (await search('limit=7&sort=sku&order=desc')).json());
    expect(skus(backwards)).toEqual([...skus(backwards)].sort().reverse());
    expect(skus(backwards)[0]! > skus(next)[6]!).toBe(true);
    const named = ProductPage.parse(await (await search(`q=${encodeURIComponent(f.catalog[3]!.nameEn)}`)).json());
    expect(named.items.map((i) => i.product.id)).toContain(f.catalog[3]!.id);
  });

  it('shows a franchisee the prices of its own stores only, and 404 for another franchisee’s store', async () => {
    await f.app.request('/pricing/prices', json({ productId: f.catalog[9]!.id, storeId: f.storeIds.S006, amountMinor: 111 }, hq));
    await f.app.request('/pricing/prices', json({ productId: f.catalog[9]!.id, storeId: f.storeIds.S005, amountMinor: 222 }, hq));
    const page = ProductPage.parse(await (await search(`q=${encodeURIComponent(f.catalog[9]!.barcode)}`, east)).json());
    const storeIds = page.items[0]!.prices.map((p) => p.storeId);
    expect(storeIds).toContain(f.storeIds.S005);
    expect(storeIds).not.toContain(f.storeIds.S006);
    expect((await search(`storeId=${f.storeIds.S006}`, east)).status).toBe(404);
    expect((await search(`storeId=${f.storeIds.S005}`, east)).status).toBe(200);
  });
});

describe('CSV import', () => {
  it('imports every row of a good file', async () => {
    const csv = 'sku,store,kind,level,price,effective_from\r\nSKU000011,,retail,,12.90,\r\nSKU000012,S002,retail,,"8.5",2026-12-31\r\nSKU000013,,member,GOLD,7,\r\n';
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(PriceImportResult.parse(await res.json())).toEqual({ imported: 3, created: 3, updated: 0 });
    const page = ProductPage.parse(await (await search('q=SKU000012')).json());
    expect(page.items[0]!.prices).toEqual(expect.arrayContaining([expect.objectContaining({ storeId: f.storeIds.S002, amountMinor: 850, effectiveFrom: '2026-12-30T16:00:00.000Z' })]));
  });

  it('refuses a file with bad rows, naming each row and column, and imports nothing', async () => {
    const before = await priceCount();
    const csv = 'sku,store,kind,level,price,effective_from\nSKU000021,,retail,,3.50,\nNOPE,,retail,,1.00,\nSKU000022,S999,retail,,1.00,\nSKU000023,,retail,GOLD,1.00,\nSKU000024,,retail,,1.005,\nSKU000025,,retail,,-1,\nSKU000026,,retail,,1.00,2001-01-01\nSKU000021,,retail,,3.60,\n';
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    const error = await details(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => [d.row, d.column])).toEqual([[3, 'sku'], [4, 'store'], [5, 'level'], [6, 'price'], [7, 'price'], [8, 'effective_from'], [9, 'sku']]);
    expect(await priceCount()).toBe(before);
    const header = await importCsv('sku,colour\nSKU000021,red\n');
    expect((await details(header)).details).toEqual(expect.arrayContaining([expect.objectContaining({ row: 1, column: 'colour' }), expect.objectContaining({ row: 1, column: 'price' })]));
  });
});
