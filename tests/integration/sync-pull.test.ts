import { products } from '@pos/hq-server/catalog/catalog.tables';
import { demoWeighedProducts, families } from '@pos/hq-server/seed/demo-catalog';
import { demoPricingSettings } from '@pos/hq-server/seed/demo-org';
import { Change, PullResponse } from '@pos/shared';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let token: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  token = (await pairTill(f, 'S001')).deviceToken;
});
afterAll(() => database.close());

async function pullAll(from: number, limit: number, deviceToken = token) {
  const pages: PullResponse[] = [];
  let cursor = from;
  for (;;) {
    const res = await f.app.request(`/sync/pull?cursor=${cursor}&limit=${limit}`, bearer(deviceToken));
    expect(res.status).toBe(200);
    const page = PullResponse.parse(await res.json());
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor, changes: pages.flatMap((p) => p.changes) };
  }
}

describe('GET /sync/pull', () => {
  it('pages an empty till to complete, in sequence order, every row once', async () => {
    const { pages, changes } = await pullAll(0, 97);
    expect(pages.length).toBeGreaterThan(5);
    pages.slice(0, -1).forEach((p) => expect(p.changes).toHaveLength(97));
    const seqs = changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const count = (entity: Change['entity']) => changes.filter((c) => c.entity === entity).length;
    expect(count('store')).toBe(1);
    expect(count('product')).toBe(300);
    expect(count('barcode')).toBe(300 - demoWeighedProducts.length);
    expect(count('price')).toBe(300 + 15);
    expect(count('category')).toBe(families.length + families.reduce((n, family) => n + family.kinds.length, 0));
    // S001's store manager 0011, cashiers 0012 and 0013, sales clerks 0014 and 0015.
    expect(count('clerk')).toBe(5);
    expect(count('pricing_settings')).toBe(1);
    expect(count('store_assortment') + count('assortment_item')).toBe(0);
    const scaleCodes = changes.flatMap((c) => (c.entity === 'product' && c.data.scaleItemCode ? [c.data.scaleItemCode] : []));
    expect(scaleCodes.sort()).toEqual(demoWeighedProducts.map((p) => p.scaleItemCode));
    expect(changes.every((c) => c.entity !== 'store' || c.data.id === f.storeIds.S001)).toBe(true);
    expect(changes.every((c) => c.entity !== 'price' || c.data.storeId === null || c.data.storeId === f.storeIds.S001)).toBe(true);
  });

  it('gives only what changed since the cursor, and nothing when nothing changed', async () => {
    const first = await pullAll(0, 1000);
    const idle = await pullAll(first.cursor, 1000);
    expect(idle.changes).toEqual([]);
    expect(idle.cursor).toBe(first.cursor);
    const product = f.catalog[7]!;
    await f.deps.db.update(products).set({ nameEn: 'Renamed for the test' }).where(and(eq(products.chainId, f.chainId), eq(products.id, product.id)));
    const next = await pullAll(first.cursor, 1000);
    expect(next.changes).toHaveLength(1);
    expect(next.changes[0]).toMatchObject({ entity: 'product', data: { id: product.id, nameEn: 'Renamed for the test' } });
    expect(next.cursor).toBeGreaterThan(first.cursor);
  });

  it('gives a till its own store’s assortment and the chain’s settings', async () => {
    const small = await pairTill(f, 'S007');
    const { changes } = await pullAll(0, 1000, small.deviceToken);
    const loose = await f.deps.db.select({ id: products.id }).from(products).where(and(eq(products.chainId, f.chainId), isNotNull(products.scaleItemCode)));
    expect(changes.filter((c) => c.entity === 'store_assortment').map((c) => c.data)).toEqual([{ storeId: f.storeIds.S007, mode: 'all_except' }]);
    const items = changes.flatMap((c) => (c.entity === 'assortment_item' ? [c.data] : []));
    expect(items.map((i) => i.productId).sort()).toEqual(loose.map((p) => p.id).sort());
    expect(items.every((i) => i.storeId === f.storeIds.S007 && i.active)).toBe(true);
    expect(changes.find((c) => c.entity === 'pricing_settings')?.data).toEqual({ chainId: f.chainId, ...demoPricingSettings });
  });

  it('brings the store’s assortment and the settings as HQ changes them, and only what changed', async () => {
    const hq = await signInOffice(f, 'hq@demo.pos');
    const put = (path: string, body: unknown) => f.app.request(path, { ...json(body, hq), method: 'PUT' });
    const [a, b, c] = f.catalog.map((p) => p.id);
    const step = async (from: number) => {
      const pulled = await pullAll(from, 1000);
      return { cursor: pulled.cursor, changes: pulled.changes.map(({ entity, data }) => ({ entity, data })) };
    };
    const start = (await pullAll(0, 1000)).cursor;
    expect((await put(`/assortments/${f.storeIds.S001}`, { mode: 'listed', productIds: [a, b] })).status).toBe(200);
    const listed = await step(start);
    const item = (productId: string | undefined, active: boolean) => ({ entity: 'assortment_item', data: { storeId: f.storeIds.S001, productId, active } });
    expect(listed.changes).toEqual(expect.arrayContaining([{ entity: 'store_assortment', data: { storeId: f.storeIds.S001, mode: 'listed' } }, item(a, true), item(b, true)]));
    expect(listed.changes).toHaveLength(3);

    expect((await put(`/assortments/${f.storeIds.S001}`, { mode: 'listed', productIds: [b, c] })).status).toBe(200);
    const replaced = await step(listed.cursor);
    expect(replaced.changes.filter((x) => x.entity === 'assortment_item')).toEqual(expect.arrayContaining([item(a, false), item(c, true)]));
    expect(replaced.changes).toHaveLength(3);

    expect((await f.app.request(`/assortments/${f.storeIds.S001}`, { method: 'DELETE', headers: { authorization: `Bearer ${hq}` } })).status).toBe(200);
    const cleared = await step(replaced.cursor);
    expect(cleared.changes).toEqual(expect.arrayContaining([{ entity: 'store_assortment', data: { storeId: f.storeIds.S001, mode: 'all_except' } }, item(b, false), item(c, false)]));
    expect(cleared.changes).toHaveLength(3);

    const settings = { cashRounding: { unitMinor: 10, mode: 'down' }, scaleLayouts: [demoPricingSettings.scaleLayouts[1]], returns: { ...demoPricingSettings.returns, vouchersAsCash: true } };
    expect((await put('/settings/pricing', settings)).status).toBe(200);
    expect((await step(cleared.cursor)).changes).toEqual([{ entity: 'pricing_settings', data: { chainId: f.chainId, ...settings } }]);
  });

  it('refuses a bad cursor or limit with a clear error', async () => {
    const res = await f.app.request('/sync/pull?cursor=-1&limit=99999', bearer(token));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['cursor', 'limit']);
  });
});
