import { hasHistory } from '@pos/hq-server/catalog/products.repo';
import { moveStock } from '@pos/hq-server/stock/stock-ledger';
import { newId } from '@pos/hq-server/ids';
import { ean13CheckDigit, ErrorBody, ProductRecord, WarehouseList } from '@pos/shared';
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

/** The plan of one of the history look-ups, with sequential scans priced out so a usable index must show. */
async function planOf(table: 'sale_lines' | 'stock_levels' | 'requisition_lines', productId: string): Promise<string> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result = await tx.execute(sql`explain select exists (select 1 from ${sql.identifier(table)} where chain_id = ${f.chainId} and product_id = ${productId})`);
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { 'QUERY PLAN': string }[];
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** A new product, on no sale, in no stock and on no requisition. */
async function newProduct(sku: string, barcode12: string): Promise<string> {
  const made = await send('POST', '/products', { sku, nameZh: '新商品', nameEn: `New ${sku}`, unit: 'piece', barcodes: [`${barcode12}${ean13CheckDigit(barcode12)}`] });
  expect(made.status).toBe(201);
  return ProductRecord.parse(await made.json()).id;
}

async function refusedDeletion(id: string): Promise<string> {
  expect((await send('POST', `/products/${id}/deactivate`)).status).toBe(200);
  const refused = await send('DELETE', `/products/${id}`);
  expect(refused.status).toBe(409);
  const { code, message } = ErrorBody.parse(await refused.json()).error;
  expect(code).toBe('PRODUCT_SOLD');
  return message;
}

describe('the never-delete-a-product-with-history check', () => {
  it('keeps a product once sold, stocked or asked for, finds each through an index, and lets one without history go', async () => {
    const sold = await newProduct('ONCE-SOLD', '693000000091');
    const till = await pairTill(f, 'S002');
    const sale = makeSale(f, till, '0021', { lines: 3 });
    sale.lines[2] = { ...sale.lines[2]!, productId: sold };
    expect((await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).status).toBe(200);
    expect(await hasHistory(database.db, f.chainId, sold)).toBe(true);
    expect(await hasHistory(database.db, '00000000-0000-7000-8000-000000000000', sold)).toBe(false);
    expect(await refusedDeletion(sold)).toContain('has sales or stock history');

    const stocked = await newProduct('ONCE-STOCKED', '693000000092');
    await moveStock(database.db, f.chainId, [{ placeId: f.storeIds.S001!, productId: stocked, delta: 5, inTransit: 0 }], 'opening', newId(f.deps.clock), f.deps.clock(), f.deps);
    expect(await hasHistory(database.db, f.chainId, stocked)).toBe(true);
    await refusedDeletion(stocked);

    const asked = await newProduct('ONCE-ASKED', '693000000093');
    const [warehouse] = WarehouseList.parse(await (await send('GET', '/stock/warehouses')).json()).items;
    const requisition = await send('POST', '/stock/requisitions', { storeId: f.storeIds.S003, warehouseId: warehouse!.id, kind: 'request', lines: [{ productId: asked, quantity: 6 }] });
    expect(requisition.status).toBe(201);
    expect(await hasHistory(database.db, f.chainId, asked)).toBe(true);
    await refusedDeletion(asked);

    expect(await planOf('sale_lines', sold)).toContain('sale_lines_product');
    expect(await planOf('stock_levels', stocked)).toContain('stock_levels_product');
    expect(await planOf('requisition_lines', asked)).toContain('requisition_lines_product');

    const fresh = await newProduct('NEVER-USED', '693000000090');
    expect(await hasHistory(database.db, f.chainId, fresh)).toBe(false);
    expect((await send('POST', `/products/${fresh}/deactivate`)).status).toBe(200);
    expect((await send('DELETE', `/products/${fresh}`)).status).toBe(204);
  });
});
