import { wasSold } from '@pos/hq-server/catalog/products.repo';
import { ean13CheckDigit, ErrorBody, ProductRecord } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const send = (method: string, path: string, body?: unknown) =>
  f.app.request(path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${hq}` }, body: body === undefined ? undefined : JSON.stringify(body) });

/** The plan of the never-delete-a-sold-product check, with sequential scans priced out so a usable index must show. */
async function soldCheckPlan(productId: string): Promise<string> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result = await tx.execute(sql`explain select exists (select 1 from sale_lines where chain_id = ${f.chainId} and product_id = ${productId})`);
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { 'QUERY PLAN': string }[];
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('the never-delete-a-sold-product check', () => {
  it('finds a product sold on any line of any sale through the sale lines’ product index, and lets a never-sold one go', async () => {
    const till = await pairTill(f, 'S002');
    const sale = makeSale(f, till, '0021', { lines: 3 });
    const target = f.catalog.find((item) => !sale.lines.some((l) => l.productId === item.id))!;
    sale.lines[2] = { ...sale.lines[2]!, productId: target.id, barcode: target.barcode, nameZh: target.nameZh, nameEn: target.nameEn };
    expect((await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).status).toBe(200);

    expect(await wasSold(database.db, f.chainId, target.id)).toBe(true);
    expect(await wasSold(database.db, '00000000-0000-7000-8000-000000000000', target.id)).toBe(false);
    expect(await soldCheckPlan(target.id)).toContain('sale_lines_product');

    expect((await send('POST', `/products/${target.id}/deactivate`)).status).toBe(200);
    const refused = await send('DELETE', `/products/${target.id}`);
    expect(refused.status).toBe(409);
    expect(ErrorBody.parse(await refused.json()).error.code).toBe('PRODUCT_SOLD');

    const made = await send('POST', '/products', { sku: 'NEVER-SOLD', nameZh: '未售商品', nameEn: 'Never sold', unit: 'piece', barcodes: [`693000000090${ean13CheckDigit('693000000090')}`] });
    expect(made.status).toBe(201);
    const { id } = ProductRecord.parse(await made.json());
    expect(await wasSold(database.db, f.chainId, id)).toBe(false);
    expect((await send('POST', `/products/${id}/deactivate`)).status).toBe(200);
    expect((await send('DELETE', `/products/${id}`)).status).toBe(204);
  });
});
