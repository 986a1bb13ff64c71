import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { Supplier, SupplierList, SupplierProduct, SupplierProductList } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let manager: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  [hq, east, manager] = [await signInOffice(f, 'hq@demo.pos'), await signInOffice(f, 'east@demo.pos'), await signInOffice(f, 's001@demo.pos')];
});
afterAll(() => database.close());

const send = (method: string, path: string, body: unknown, token = hq) =>
  f.app.request(path, { ...json(body, token), method });
const get = (path: string, token = hq) => f.app.request(path, bearer(token));
const auditOf = (entity: string, entityId: string) =>
  database.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entity, entity), eq(auditEntries.entityId, entityId))).orderBy(auditEntries.at);

const body = { code: 'SUP90', name: '测试供应商 Test Supplier', contactName: '赵先生', phone: '021 1234 5678', email: 'a@b.example.cn', address: '上海', settlement: 'monthly' };

describe('suppliers', () => {
  it('lists the demo suppliers a page at a time, searched, sorted and filtered, with how many match', async () => {
    const page = SupplierList.parse(await (await get('/suppliers?limit=3&offset=0&sort=code&order=desc')).json());
    expect(page.total).toBe(8);
    expect(page.items.map((s) => s.code)).toEqual(['SUP08', 'SUP07', 'SUP06']);
    const dairy = SupplierList.parse(await (await get(`/suppliers?active=true&q=${encodeURIComponent('乳品')}`)).json());
    expect(dairy.items.map((s) => s.code)).toEqual(['SUP04']);
    const onDelivery = SupplierList.parse(await (await get('/suppliers?settlement=on_delivery')).json());
    expect(onDelivery.items.map((s) => s.code)).toEqual(['SUP01', 'SUP04']);
    expect(onDelivery.items[0]!.productCount).toBeGreaterThan(0);
  });

  it('keeps supplier costs between 65% and 80% of the retail price in the demo', async () => {
    const [first] = SupplierList.parse(await (await get('/suppliers?limit=1')).json()).items;
    const supplied = SupplierProductList.parse(await (await get(`/suppliers/${first!.id}/products?limit=200`)).json());
    expect(supplied.total).toBe(first!.productCount);
    const price = new Map(f.catalog.map((p) => [p.id, p.priceMinor]));
    for (const p of supplied.items.filter((item) => price.has(item.productId))) {
      const ratio = p.costMinor / price.get(p.productId)!;
      expect(ratio).toBeGreaterThanOrEqual(0.64);
      expect(ratio).toBeLessThanOrEqual(0.81);
    }
  });

  it('creates, edits, deactivates and reactivates a supplier, auditing each change', async () => {
    const created = await send('POST', '/suppliers', body);
    expect(created.status).toBe(201);
    const supplier = Supplier.parse(await created.json());
    expect(supplier).toMatchObject({ code: 'SUP90', settlement: 'monthly', active: true, productCount: 0 });
    expect((await send('POST', '/suppliers', body)).status).toBe(409);

    const edited = Supplier.parse(await (await send('PATCH', `/suppliers/${supplier.id}`, { settlement: 'on_delivery', phone: null })).json());
    expect(edited).toMatchObject({ settlement: 'on_delivery', phone: null, contactName: '赵先生' });
    expect(Supplier.parse(await (await send('POST', `/suppliers/${supplier.id}/deactivate`, {})).json()).active).toBe(false);
    const active = SupplierList.parse(await (await get('/suppliers?active=true&q=SUP90')).json());
    expect(active.total).toBe(0);
    expect(Supplier.parse(await (await send('POST', `/suppliers/${supplier.id}/reactivate`, {})).json()).active).toBe(true);

    const trail = await auditOf('supplier', supplier.id);
    expect(trail.map((a) => a.action)).toEqual(['create', 'update', 'deactivate', 'reactivate']);
    expect(trail[1]!.before).toMatchObject({ settlement: 'monthly' });
    expect(trail[1]!.after).toMatchObject({ settlement: 'on_delivery' });
  });

  it('adds, changes and removes a supplied product, listing it with the product’s names', async () => {
    const supplier = Supplier.parse(await (await send('POST', '/suppliers', { ...body, code: 'SUP91' })).json());
    const product = f.catalog[5]!;
    const path = `/suppliers/${supplier.id}/products/${product.id}`;
    const added = SupplierProduct.parse(await (await send('PUT', path, { costMinor: 123, supplierSku: 'X-1' })).json());
    expect(added).toMatchObject({ costMinor: 123, supplierSku: 'X-1', nameZh: product.nameZh, active: true });
    await send('PUT', path, { costMinor: 150, supplierSku: 'X-1' });
    const listed = SupplierProductList.parse(await (await get(`/suppliers/${supplier.id}/products?q=${encodeURIComponent(product.nameZh)}`)).json());
    expect(listed.items).toEqual([expect.objectContaining({ productId: product.id, costMinor: 150 })]);
    const removed = SupplierProduct.parse(await (await send('DELETE', path, undefined)).json());
    expect(removed.active).toBe(false);
    expect(SupplierProductList.parse(await (await get(`/suppliers/${supplier.id}/products?active=true`)).json()).total).toBe(0);
    const trail = await auditOf('supplier_product', `${supplier.id}:${product.id}`);
    expect(trail.map((a) => [a.action, (a.after as { costMinor: number }).costMinor])).toEqual([['create', 123], ['update', 150], ['deactivate', 150]]);
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    const before = await database.db.$count(auditEntries);
    const bad = await send('POST', '/suppliers', { ...body, code: 'SUP92', email: 'not-an-email', settlement: 'weekly' });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'settlement']));
    const supplier = SupplierList.parse(await (await get('/suppliers?limit=1')).json()).items[0]!;
    expect((await send('PUT', `/suppliers/${supplier.id}/products/${f.catalog[0]!.id}`, { costMinor: -1 })).status).toBe(400);
    expect((await send('PUT', `/suppliers/${supplier.id}/products/${crypto.randomUUID()}`, { costMinor: 1 })).status).toBe(404);
    expect((await get('/suppliers?sort=password')).status).toBe(400);
    expect(await database.db.$count(auditEntries)).toBe(before);
  });

  it('shows suppliers to HQ only: franchisees and store managers get 403', async () => {
    for (const token of [east, manager]) {
      expect((await get('/suppliers', token)).status).toBe(403);
      expect((await send('POST', '/suppliers', { ...body, code: 'SUP93' }, token)).status).toBe(403);
    }
  });
});
