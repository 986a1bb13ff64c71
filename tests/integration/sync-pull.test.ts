import { products } from '@pos/hq-server/catalog/catalog.tables';
import { families } from '@pos/hq-server/seed/demo-catalog';
import { Change, PullResponse } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, pairTill, seedFixture, type Fixture } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedFixture(database);
  token = (await pairTill(f, 'S001')).deviceToken;
});
afterAll(() => database.close());

async function pullAll(from: number, limit: number) {
  const pages: PullResponse[] = [];
  let cursor = from;
  for (;;) {
    const res = await f.app.request(`/sync/pull?cursor=${cursor}&limit=${limit}`, bearer(token));
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
    expect(count('barcode')).toBe(300);
    expect(count('price')).toBe(300 + 15);
    expect(count('category')).toBe(families.length + families.reduce((n, family) => n + family.kinds.length, 0));
    expect(count('clerk')).toBe(4);
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

  it('refuses a bad cursor or limit with a clear error', async () => {
    const res = await f.app.request('/sync/pull?cursor=-1&limit=99999', bearer(token));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['cursor', 'limit']);
  });
});
