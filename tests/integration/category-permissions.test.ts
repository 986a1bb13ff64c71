import { categories, products } from '@pos/hq-server/catalog/catalog.tables';
import { storeDayProductSales } from '@pos/hq-server/reports/reports.tables';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import {
  OfficeSession, Product, ProductDetail, ProductListPage, ProductPage, ProductSalesReport, StorePricePage,
} from '@pos/shared';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, signInOffice, type Fixture } from '../support/fixture';
import { signInWith } from '../support/people';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let buyer: string;
/** The snacks category and every category below it: the role's. */
let snacks: Set<string>;
let productCategory: Map<string, string | null>;
let inside: { id: string; sku: string; barcode: string };
let outside: { id: string; sku: string; barcode: string };

const get = async <T>(path: string, token: string, schema: { parse: (v: unknown) => T }): Promise<T> => {
  const res = await f.app.request(path, bearer(token));
  expect(res.status, path).toBe(200);
  return schema.parse(await res.json());
};

/** The SKUs of an exported CSV, from its `sku` column. */
async function exportedSkus(kind: string, token: string): Promise<string[]> {
  const res = await f.app.request(`/exports/${kind}?format=csv`, bearer(token));
  expect(res.status).toBe(200);
  const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const column = header!.split(',').indexOf('sku');
  return [...new Set(rows.map((row) => row.split(',')[column]!))];
}

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  const tree = await database.db.select({ id: categories.id, parentId: categories.parentId, code: categories.code }).from(categories).where(eq(categories.chainId, f.chainId));
  const root = tree.find((c) => c.code === 'SNK')!;
  snacks = new Set([root.id, ...tree.filter((c) => c.parentId === root.id).map((c) => c.id)]);
  // The small demo catalog is drinks and a few loose snacks; twenty packed drinks become crisps (SNK1), so the role's categories hold barcoded products too.
  const moved = f.catalog.slice(0, 20).map((p) => p.id);
  await database.db.update(products).set({ categoryId: tree.find((c) => c.code === 'SNK1')!.id }).where(inArray(products.id, moved));
  const rows = await database.db.select({ id: products.id, sku: products.sku, categoryId: products.categoryId }).from(products).where(eq(products.chainId, f.chainId));
  productCategory = new Map(rows.map((p) => [p.id, p.categoryId]));
  const pick = (seen: boolean) => {
    const item = f.catalog.find((p) => snacks.has(productCategory.get(p.id) ?? '') === seen)!;
    return { id: item.id, sku: rows.find((r) => r.id === item.id)!.sku, barcode: item.barcode };
  };
  inside = pick(true);
  outside = pick(false);

  // The demo's snacks buyer (零食采购), whose role sees the snacks category and those below it.
  const session = OfficeSession.parse(await (await signInWith(f, 'snacks@demo.pos', DEMO_PASSWORD)).json());
  expect(session.permissions.categories).toEqual([root.id]);
  buyer = session.token;

  await database.db.insert(storeDayProductSales).values([
    { chainId: f.chainId, storeId: f.storeIds.S001!, businessDate: '2026-11-20', productId: inside.id, quantity: 3, salesMinor: 900 },
    { chainId: f.chainId, storeId: f.storeIds.S002!, businessDate: '2026-11-21', productId: inside.id, quantity: 1, salesMinor: 300 },
    { chainId: f.chainId, storeId: f.storeIds.S001!, businessDate: '2026-11-20', productId: outside.id, quantity: 5, salesMinor: 2500 },
  ]);
});
afterAll(() => database.close());

const seen = (id: string | null | undefined) => snacks.has(id ?? '');

describe('category data permission (品类数据权限)', () => {
  it('lists, pages and searches only the role’s categories and those below them; HQ sees every product', async () => {
    const mine = [...productCategory.values()].filter(seen).length;
    const list = await get('/products/search?limit=200', buyer, ProductListPage);
    expect(list.total).toBe(mine);
    expect(list.items.every((p) => seen(p.categoryId))).toBe(true);
    expect(new Set(list.items.map((p) => p.categoryId)).size).toBeGreaterThan(1);
    expect((await get('/products/search?limit=1', hq, ProductListPage)).total).toBe(productCategory.size);

    const search = await get('/catalog/products?limit=200&sort=sku', buyer, ProductPage);
    expect(search.total).toBe(mine);
    expect(search.items.every((i) => seen(i.product.categoryId))).toBe(true);
    expect((await get(`/catalog/products?q=${outside.barcode}`, buyer, ProductPage)).total).toBe(0);
    expect((await get(`/products/search?q=${outside.sku}`, buyer, ProductListPage)).total).toBe(0);
    expect((await get(`/catalog/products?q=${outside.barcode}`, hq, ProductPage)).items.map((i) => i.product.id)).toEqual([outside.id]);
    expect((await get(`/catalog/products?q=${inside.barcode}`, buyer, ProductPage)).items.map((i) => i.product.id)).toEqual([inside.id]);
  });

  it('answers 404 for a product outside the role’s categories, and leaves it out when asked by id', async () => {
    expect((await f.app.request(`/products/${outside.id}`, bearer(buyer))).status).toBe(404);
    expect((await get(`/products/${inside.id}`, buyer, ProductDetail)).id).toBe(inside.id);
    const byId = await get(`/products?ids=${inside.id},${outside.id}`, buyer, { parse: (v: unknown) => Product.array().parse(v) });
    expect(byId.map((p) => p.id)).toEqual([inside.id]);
    expect((await get(`/products?ids=${inside.id},${outside.id}`, hq, { parse: (v: unknown) => Product.array().parse(v) })).length).toBe(2);
  });

  it('lists store prices of the role’s categories only', async () => {
    const page = await get(`/pricing/store-prices?storeId=${f.storeIds.S001}&limit=100`, buyer, StorePricePage);
    expect(page.total).toBe([...productCategory.values()].filter(seen).length);
    expect(page.items.every((row) => seen(productCategory.get(row.product.id)))).toBe(true);
    expect((await get(`/pricing/store-prices?storeId=${f.storeIds.S001}&limit=1`, hq, StorePricePage)).total).toBe(productCategory.size);
  });

  it('exports products, barcodes and prices of the role’s categories only; HQ exports them all', async () => {
    const skuCategory = new Map((await database.db.select({ sku: products.sku, categoryId: products.categoryId }).from(products).where(eq(products.chainId, f.chainId))).map((p) => [p.sku, p.categoryId]));
    for (const kind of ['products', 'barcodes', 'prices']) {
      const skus = await exportedSkus(kind, buyer);
      expect(skus.length, kind).toBeGreaterThan(0);
      expect(skus.filter((sku) => !seen(skuCategory.get(sku))), kind).toEqual([]);
      const all = await exportedSkus(kind, hq);
      expect(all, kind).toContain(outside.sku);
      expect(all.length, kind).toBeGreaterThan(skus.length);
    }
  });

  it('reports product and category sales of the role’s categories only; HQ’s report has them all', async () => {
    const range = 'from=2026-11-01&to=2026-11-22';
    const mine = await get(`/reports/product-sales?${range}`, buyer, ProductSalesReport);
    expect(mine.products).toEqual([expect.objectContaining({ productId: inside.id, sku: inside.sku, quantity: 4, salesMinor: 1200 })]);
    expect(mine.categories).toEqual([expect.objectContaining({ categoryId: productCategory.get(inside.id), salesMinor: 1200 })]);
    expect(mine.totals.salesMinor).toBe(1200);
    const all = await get(`/reports/product-sales?${range}`, hq, ProductSalesReport);
    expect(all.products.map((p) => [p.productId, p.salesMinor])).toEqual([[outside.id, 2500], [inside.id, 1200]]);
    expect(all.totals.salesMinor).toBe(3700);
    const oneStore = await get(`/reports/product-sales?${range}&storeId=${f.storeIds.S002}`, hq, ProductSalesReport);
    expect(oneStore.products.map((p) => [p.productId, p.salesMinor])).toEqual([[inside.id, 300]]);
    expect((await f.app.request(`/reports/product-sales?from=2026-11-22&to=2026-11-01`, bearer(hq))).status).toBe(400);
  });
});
