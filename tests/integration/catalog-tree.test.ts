import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { Brand, BrandPage, Category, ErrorBody, MemberList, ProductAttributeNames, PullResponse } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createSeededFixture, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const send = (method: string, path: string, body?: unknown, token = hq) =>
  f.app.request(path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
const audited = (entityId: string) => database.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, entityId)));

describe('the category tree', () => {
  it('creates categories at any depth, renames, orders and moves them, never into a loop, with audit entries', async () => {
    const top = Category.parse(await (await send('POST', '/categories', { code: 'FRZ', nameZh: '冷冻', nameEn: 'Frozen' })).json());
    const mid = Category.parse(await (await send('POST', '/categories', { parentId: top.id, code: 'FRZ1', nameZh: '冰淇淋', nameEn: 'Ice cream' })).json());
    const low = Category.parse(await (await send('POST', '/categories', { parentId: mid.id, code: 'FRZ11', nameZh: '雪糕', nameEn: 'Ice lolly', sortOrder: 3 })).json());
    const loop = await send('PATCH', `/categories/${top.id}`, { parentId: low.id });
    expect(loop.status).toBe(400);
    expect(ErrorBody.parse(await loop.json()).error.details).toEqual([expect.objectContaining({ path: 'parentId' })]);
    expect((await send('PATCH', `/categories/${mid.id}`, { parentId: mid.id })).status).toBe(400);
    const moved = await send('PATCH', `/categories/${low.id}`, { parentId: top.id, nameEn: 'Ice lollies', sortOrder: 1 });
    expect(Category.parse(await moved.json())).toMatchObject({ parentId: top.id, nameEn: 'Ice lollies', sortOrder: 1 });
    expect((await audited(low.id)).map((a) => a.action)).toEqual(['create', 'update']);
    expect((await send('POST', '/categories', { code: 'FRZ', nameZh: '重', nameEn: 'Dup' })).status).toBe(409);
  });

  it('deactivates a category only when no active product or sub-category uses it, and tills hear of it', async () => {
    const list = z.array(Category).parse(await (await send('GET', '/categories')).json());
    const drinks = list.find((c) => c.code === 'DRK')!;
    const inUse = await send('POST', `/categories/${drinks.id}/deactivate`);
    expect(inUse.status).toBe(409);
    expect(ErrorBody.parse(await inUse.json()).error.code).toBe('IN_USE');
    const till = await pairTill(f, 'S001');
    const head = PullResponse.parse(await (await f.app.request('/sync/pull?cursor=0&limit=1', bearer(till.deviceToken))).json()).headSeq;
    const empty = Category.parse(await (await send('POST', '/categories', { code: 'TMP', nameZh: '临时', nameEn: 'Temporary' })).json());
    expect(await (await send('POST', `/categories/${empty.id}/deactivate`)).json()).toMatchObject({ active: false });
    const page = PullResponse.parse(await (await f.app.request(`/sync/pull?cursor=${head}&limit=100`, bearer(till.deviceToken))).json());
    expect(page.changes.filter((c) => c.entity === 'category').map((c) => c.data)).toContainEqual(expect.objectContaining({ id: empty.id, active: false }));
    expect((await send('POST', '/categories', { parentId: empty.id, code: 'TMP1', nameZh: '子', nameEn: 'Child' })).status).toBe(400);
  });

  it('is written by HQ only', async () => {
    const manager = await signInOffice(f, 's001@demo.pos');
    expect((await send('POST', '/categories', { code: 'NO', nameZh: '不', nameEn: 'No' }, manager)).status).toBe(403);
  });
});

describe('brands', () => {
  it('creates, edits, deactivates and lists brands paged and filtered, with audit entries', async () => {
    const made = Brand.parse(await (await send('POST', '/brands', { code: 'B9001', nameZh: '喜茶', nameEn: 'Heytea' })).json());
    expect(await (await send('PUT', `/brands/${made.id}`, { code: 'B9001', nameZh: '喜茶', nameEn: 'HEYTEA' })).json()).toMatchObject({ nameEn: 'HEYTEA' });
    expect(await (await send('POST', `/brands/${made.id}/deactivate`)).json()).toMatchObject({ active: false });
    const page = BrandPage.parse(await (await send('GET', '/brands?q=hey&active=false')).json());
    expect(page).toEqual({ items: [expect.objectContaining({ id: made.id })], total: 1 });
    const sorted = BrandPage.parse(await (await send('GET', '/brands?limit=3&sort=nameEn&order=desc')).json());
    expect(sorted.items).toHaveLength(3);
    expect(sorted.total).toBeGreaterThan(10);
    expect((await audited(made.id)).map((a) => a.action)).toEqual(['create', 'update', 'deactivate']);
    expect((await send('POST', '/brands', { code: 'B9001', nameZh: '重', nameEn: 'Dup' })).status).toBe(409);
  });
});

describe('product attribute names', () => {
  it('answers the seeded names and saves new ones (HQ), refusing a slot named twice', async () => {
    expect(ProductAttributeNames.parse(await (await send('GET', '/settings/product-attributes')).json()).attributes.map((a) => a.nameEn)).toEqual(['Origin', 'Shelf life', 'Spec']);
    const names = { attributes: [{ slot: 4, nameZh: '口味', nameEn: 'Flavour' }, { slot: 1, nameZh: '产地', nameEn: 'Origin' }] };
    expect(await (await send('PUT', '/settings/product-attributes', names)).json()).toEqual({ attributes: [names.attributes[1], names.attributes[0]] });
    const twice = await send('PUT', '/settings/product-attributes', { attributes: [names.attributes[0], names.attributes[0]] });
    expect(twice.status).toBe(400);
    expect((await audited(f.chainId)).map((a) => a.entity)).toContain('product_attribute_names');
  });
});

describe('member search by pinyin', () => {
  it('finds a Chinese name by its initials or its whole pinyin', async () => {
    const search = async (q: string) => MemberList.parse(await (await send('GET', `/members?q=${q}`)).json()).items.map((m) => m.name);
    expect(await search('wxm')).toContain('王小明');
    expect(await search('wangxiaoming')).toContain('王小明');
    expect(await search('chenxiao')).toContain('陈晓燕');
  });
});
