import { categories } from '@pos/hq-server/catalog/catalog.tables';
import { chains, stores } from '@pos/hq-server/org/org.tables';
import { Category, isApiPath, Store, uuidv7 } from '@pos/shared';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createSeededFixture, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
const otherChain = uuidv7(Date.now(), randomBytes(10));

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  // A second chain's store and category, which no one in the demo chain may see.
  await database.db.insert(chains).values({ id: otherChain, code: 'OTHER', name: 'Other chain', currency: 'CNY', timeZone: 'Asia/Shanghai', createdAt: new Date() });
  await database.db.insert(stores).values({ chainId: otherChain, id: uuidv7(Date.now(), randomBytes(10)), code: 'S000', nameZh: '别家店', nameEn: 'Elsewhere', operation: 'direct', connectivity: 'online', timeZone: 'Asia/Shanghai', currency: 'CNY' });
  await database.db.insert(categories).values({ chainId: otherChain, id: uuidv7(Date.now(), randomBytes(10)), parentId: null, code: 'AAA', nameZh: '别家品类', nameEn: 'Elsewhere' });
});
afterAll(() => database.close());

const storeList = async (email: string) => {
  const res = await f.app.request('/stores', bearer(await signInOffice(f, email)));
  expect(res.status).toBe(200);
  return z.array(Store).parse(await res.json());
};

describe('GET /stores', () => {
  it('gives HQ every store of its own chain, by code, sales or not', async () => {
    const list = await storeList('hq@demo.pos');
    expect(list.map((s) => s.code)).toEqual(['S001', 'S002', 'S003', 'S004', 'S005', 'S006', 'S007']);
    expect(list[0]).toEqual({
      id: f.storeIds.S001, code: 'S001', nameZh: '人民广场店', nameEn: "People's Square", operation: 'direct', connectivity: 'online',
      franchiseeId: null, timeZone: 'Asia/Shanghai', currency: 'CNY', active: true,
    });
  });

  it('gives a franchisee only their own stores, and a store manager only theirs', async () => {
    const east = await storeList('east@demo.pos');
    expect(east.map((s) => s.code)).toEqual(['S004', 'S005']);
    expect(new Set(east.map((s) => s.franchiseeId)).size).toBe(1);
    expect((await storeList('west@demo.pos')).map((s) => s.code)).toEqual(['S006', 'S007']);
    expect((await storeList('s001@demo.pos')).map((s) => s.code)).toEqual(['S001']);
  });

  it('is for office users: a till gets 403, no token 401', async () => {
    const till = await pairTill(f, 'S004');
    expect((await f.app.request('/stores', bearer(till.deviceToken))).status).toBe(403);
    expect((await f.app.request('/stores')).status).toBe(401);
  });
});

describe('GET /categories', () => {
  it('gives the chain’s whole tree flat, by code, every parent in the list', async () => {
    const own = await database.db.select({ id: categories.id }).from(categories).where(eq(categories.chainId, f.chainId));
    const res = await f.app.request('/categories', bearer(await signInOffice(f, 'east@demo.pos')));
    expect(res.status).toBe(200);
    const list = z.array(Category).parse(await res.json());
    expect(list.map((c) => c.id).sort()).toEqual(own.map((c) => c.id).sort());
    expect(list.map((c) => c.code)).toEqual(list.map((c) => c.code).sort());
    const ids = new Set(list.map((c) => c.id));
    expect(list.filter((c) => c.parentId !== null && !ids.has(c.parentId))).toEqual([]);
    expect(list.some((c) => c.parentId === null) && list.some((c) => c.parentId !== null)).toBe(true);
  });

  it('is for office users: a till gets 403, no token 401', async () => {
    const till = await pairTill(f, 'S005');
    expect((await f.app.request('/categories', bearer(till.deviceToken))).status).toBe(403);
    expect((await f.app.request('/categories')).status).toBe(401);
  });
});

describe('served paths', () => {
  it('puts every route under an API prefix, so HQ never answers it with the till’s page', () => {
    const served = f.app.routes.filter((r) => r.method !== 'ALL').map((r) => r.path);
    expect(served.filter((path) => !isApiPath(path))).toEqual([]);
  });
});
