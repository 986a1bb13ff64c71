import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { brands, categories, products } from '@pos/hq-server/catalog/catalog.tables';
import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { ean13CheckDigit, ErrorBody, minor, ProductCostHistory, ProductDetail, ProductListPage, ProductRecord, PullResponse } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let categoryId: string;
let brandId: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  const [category] = await database.db.select({ id: categories.id }).from(categories).where(and(eq(categories.chainId, f.chainId), eq(categories.code, 'DRK2')));
  const [brand] = await database.db.select({ id: brands.id }).from(brands).where(eq(brands.chainId, f.chainId)).limit(1);
  categoryId = category!.id;
  brandId = brand!.id;
});
afterAll(() => database.close());

const send = (method: string, path: string, body?: unknown, token = hq) =>
  f.app.request(path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
const ean = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;
const [codeA, codeB] = [ean('690000000001'), ean('690000000002')];
const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;

const body = (over: Record<string, unknown> = {}) => ({
  sku: 'NEW-COLA', nameZh: '可乐 新装', nameEn: 'Cola new pack', categoryId, brandId, unit: 'bottle', barcodes: [codeA, '96385074'], ...over,
});

describe('products at HQ', () => {
  let id: string;

  it('creates a product with two barcodes, pinyin keys and an audit entry', async () => {
    const res = await send('POST', '/products', body());
    expect(res.status).toBe(201);
    const made = ProductRecord.parse(await res.json());
    id = made.id;
    expect(made).toMatchObject({ pinyin: 'kelexinzhuang', pinyinInitials: 'klxz', status: 'new', barcodes: [codeA, '96385074'], active: true });
    const audit = await database.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, id)));
    expect(audit).toMatchObject([{ entity: 'product', action: 'create', before: null, after: { sku: 'NEW-COLA' } }]);
  });

  it('refuses a wrong EAN check digit, and a barcode another product holds, naming that product; nothing changes', async () => {
    const wrong = await send('POST', '/products', body({ sku: 'X1', barcodes: [`${codeA.slice(0, 12)}${(Number(codeA[12]) + 1) % 10}`] }));
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).details).toEqual([expect.objectContaining({ path: 'barcodes.0' })]);
    const taken = await send('POST', '/products', body({ sku: 'X2', barcodes: [codeB, f.catalog[0]!.barcode] }));
    expect(taken.status).toBe(409);
    const error = await errorOf(taken);
    expect(error.code).toBe('BARCODE_TAKEN');
    expect(error.message).toContain(f.catalog[0]!.nameZh);
    expect(error.details).toEqual([expect.objectContaining({ path: 'barcodes.1', productId: f.catalog[0]!.id })]);
    expect(await database.db.$count(products, and(eq(products.chainId, f.chainId), eq(products.sku, 'X2')))).toBe(0);
  });

  it('edits names, attributes and barcodes: a removed barcode is free for another product', async () => {
    const res = await send('PUT', `/products/${id}`, body({ nameZh: '雪碧 新装', status: 'normal', barcodes: ['96385074'], attributes: ['广东', '12个月', null, null, null, null] }));
    expect(res.status).toBe(200);
    expect(ProductRecord.parse(await res.json())).toMatchObject({ pinyinInitials: 'xbxz', barcodes: ['96385074'], attributes: ['广东', '12个月', null, null, null, null] });
    const other = await send('POST', '/products', body({ sku: 'TAKES-OVER', barcodes: [codeA] }));
    expect(other.status).toBe(201);
  });

  it('lists by pinyin initials and whole pinyin, a category with its sub-categories, status and active, paged and sorted', async () => {
    const list = async (query: string) => ProductListPage.parse(await (await send('GET', `/products/search?${query}`)).json());
    expect((await list('q=xbxz')).items.map((p) => p.sku)).toEqual(['NEW-COLA']);
    expect((await list('q=xuebi')).items.map((p) => p.sku)).toEqual(['NEW-COLA']);
    const [drinks] = await database.db.select({ id: categories.id }).from(categories).where(and(eq(categories.chainId, f.chainId), eq(categories.code, 'DRK')));
    const inDrinks = await list(`categoryId=${drinks!.id}&limit=5&sort=sku&order=desc`);
    expect(inDrinks.total).toBeGreaterThan(5);
    expect(inDrinks.items).toHaveLength(5);
    expect(inDrinks.items.map((p) => p.sku)).toEqual([...inDrinks.items.map((p) => p.sku)].sort().reverse());
    expect((await list('status=new&q=NEW-COLA')).total).toBe(0);
    expect((await list('status=normal,new&q=NEW-COLA')).total).toBe(1);
    expect((await send('GET', '/products/search?status=bogus')).status).toBe(400);
  });

  it('keeps cost history and shows cost only to callers allowed to see it', async () => {
    expect((await send('POST', `/products/${id}/costs`, { amountMinor: 210, effectiveFrom: '2026-01-01T00:00:00Z' })).status).toBe(201);
    const added = await send('POST', `/products/${id}/costs`, { amountMinor: 230 });
    const history = ProductCostHistory.parse(await added.json());
    expect(history.current?.amountMinor).toBe(230);
    expect(history.history.map((c) => c.amountMinor)).toEqual([230, 210]);
    expect(ProductDetail.parse(await (await send('GET', `/products/${id}`)).json()).costNowMinor).toBe(230);
    const east = await signInOffice(f, 'east@demo.pos');
    const seen = await (await send('GET', `/products/${id}`, undefined, east)).json();
    expect(seen).not.toHaveProperty('costNowMinor');
    expect((await send('GET', `/products/${id}/costs`, undefined, east)).status).toBe(403);
  });

  it('never deletes a sold product; deletes a deactivated never-sold one', async () => {
    const sold = f.catalog[1]!;
    const till = await pairTill(f, 'S001');
    const sale = { ...makeSale(f, till, '0011', { lines: 1 }) };
    sale.lines = sale.lines.map((l) => ({ ...l, productId: sold.id }));
    await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken));
    expect(await (await send('POST', `/products/${sold.id}/deactivate`)).json()).toMatchObject({ active: false });
    const refused = await send('DELETE', `/products/${sold.id}`);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('PRODUCT_SOLD');
    expect((await send('DELETE', `/products/${id}`)).status).toBe(409);
    await send('POST', `/products/${id}/deactivate`);
    expect((await send('DELETE', `/products/${id}`)).status).toBe(204);
    expect((await send('GET', `/products/${id}`)).status).toBe(404);
    expect((await send('POST', `/products/${sold.id}/reactivate`)).status).toBe(200);
  });

  it('lets only HQ write', async () => {
    const manager = await signInOffice(f, 's001@demo.pos');
    expect((await send('POST', '/products', body({ sku: 'NOPE' }), manager)).status).toBe(403);
    expect((await send('GET', '/products/search?limit=1', undefined, manager)).status).toBe(200);
  });

  it('sends a changed product to tills with its lifecycle and pinyin, and HQ refuses a discontinued sale like the till', async () => {
    const till = await pairTill(f, 'S002');
    const head = PullResponse.parse(await (await f.app.request('/sync/pull?cursor=0&limit=1', bearer(till.deviceToken))).json()).headSeq;
    const target = f.catalog[2]!;
    const record = ProductRecord.parse(await (await send('GET', `/products/${target.id}`)).json());
    const { id: _id, active: _a, pinyin: _p, pinyinInitials: _i, updatedAt: _u, ...rest } = record;
    const put = await send('PUT', `/products/${target.id}`, { ...rest, status: 'discontinued', discontinuedFrom: '2026-11-01' });
    expect(put.status).toBe(200);
    const page = PullResponse.parse(await (await f.app.request(`/sync/pull?cursor=${head}&limit=100`, bearer(till.deviceToken))).json());
    expect(page.changes.find((c) => c.entity === 'product' && c.data.id === target.id)?.data).toMatchObject({ status: 'discontinued', discontinuedFrom: '2026-11-01', pinyinInitials: record.pinyinInitials });
    const sale = makeSale(f, till, '0021', { lines: 1 });
    sale.lines = sale.lines.map((l) => ({ ...l, productId: target.id, unitPriceMinor: minor(target.priceMinor), grossMinor: minor(target.priceMinor * l.quantity), netMinor: minor(target.priceMinor * l.quantity) }));
    const total = sale.lines[0]!.netMinor;
    const paid = { ...sale, subtotalMinor: total, totalMinor: total, payments: [{ ...sale.payments[0]!, amountMinor: total, tenderedMinor: total }], changeMinor: 0 };
    const pushed = await (await f.app.request('/sync/push', json({ documents: [paid] }, till.deviceToken))).json();
    expect(pushed).toMatchObject({ results: [{ status: 'accepted' }] });
    const problems = await database.db.select({ detail: pricingDiscrepancies.detail }).from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale.id));
    expect(problems).toEqual([{ detail: expect.objectContaining({ problem: 'PRODUCT_DISCONTINUED', productId: target.id }) }]);
  });
});
