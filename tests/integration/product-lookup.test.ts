import { productSearchQuery } from '@pos/hq-server/catalog/product-search.repo';
import { ProductPage } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  await database.db.execute(sql`analyze`);
});
afterAll(() => database.close());

/** The plan of a search, with sequential scans priced out so that a plan that can use an index does, even on a small table. */
async function planOf(q: string): Promise<string> {
  const query = productSearchQuery(database.db, f.chainId, { q, limit: 20, offset: 0 }).toSQL();
  const text = query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.params[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result: unknown = await tx.execute(sql.raw(`explain ${text}`));
    // postgres.js answers with the rows, PGlite with an object holding them.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { 'QUERY PLAN': string }[];
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('looking a product up by barcode', () => {
  it('goes through the barcodes’ key and never filters every product by name', async () => {
    const plan = await planOf(f.catalog[42]!.barcode);
    expect(plan).toMatch(/Index Scan using barcodes_chain_id_code_pk on barcodes/);
    expect(plan).not.toMatch(/~~\*/);
    expect(plan).not.toMatch(/Seq Scan on products/);
  });

  it('finds the product and its total in one page, and a name search still finds by name', async () => {
    const item = f.catalog[42]!;
    const page = ProductPage.parse(await (await f.app.request(`/catalog/products?q=${item.barcode}`, bearer(hq))).json());
    expect(page.items.map((i) => i.product.id)).toEqual([item.id]);
    expect(page.total).toBe(1);
    const byName = ProductPage.parse(await (await f.app.request(`/catalog/products?q=${encodeURIComponent(item.nameEn)}&limit=1`, bearer(hq))).json());
    expect(byName.items.map((i) => i.product.id)).toContain(item.id);
    expect(byName.total).toBeGreaterThanOrEqual(1);
    const pastTheEnd = ProductPage.parse(await (await f.app.request('/catalog/products?offset=1960&limit=20', bearer(hq))).json());
    expect(pastTheEnd).toMatchObject({ items: [], total: 300 });
  });
});
