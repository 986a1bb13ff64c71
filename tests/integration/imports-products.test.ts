import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { barcodes, prices, productCosts, products } from '@pos/hq-server/catalog/catalog.tables';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, signInOffice, testClock, type Fixture } from '../support/fixture';
import { exported, imported, postImport, refused } from '../support/imports';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
const clock = testClock('2026-11-22T04:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock, 40));
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const count = async (table: typeof products | typeof barcodes | typeof prices | typeof productCosts | typeof auditEntries) =>
  (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const counts = async () => ({ products: await count(products), barcodes: await count(barcodes), prices: await count(prices), costs: await count(productCosts), audit: await count(auditEntries) });
const product = async (sku: string) => (await f.deps.db.select().from(products).where(and(eq(products.chainId, f.chainId), eq(products.sku, sku))))[0];

const header = '商品编码,中文名称,name_en,category,brand,unit,weighed,scale_code,status,barcodes,零售价,cost,attribute_1';
const good = [
  header,
  'IMP-001,可口可乐 330ml,Coca-Cola 330ml,DRK,B0002,bottle,no,,new,6900000000017|6900000000024,3.50,2.10,red',
  'IMP-002,"散称坚果, 混合",Loose Nuts,SNK,,kg,yes,20001,normal,,89.90,,',
  'IMP-003,绿茶,,DRK1,,瓶,否,,正常,6900000000031,4,,',
].join('\r\n');

describe('importing products', () => {
  it('refuses the whole file for one bad row, with every problem by row and column, and writes nothing', async () => {
    const before = await counts();
    const bad = `${good}\nIMP-004,坏行,,DRK,,litre,maybe,,,123,-1,,\nIMP-001,重复,,,,,,,,,1,,\nIMP-005,抢条码,,NOPE,,,,,,${f.catalog[0]!.barcode},1,,`;
    const report = await refused(await postImport(f, hq, 'products', bad, { fileName: 'bad.csv' }));
    expect(report).toMatchObject({ kind: 'products', fileName: 'bad.csv', rows: 6, badRows: 3, issueCount: 7 });
    const at = (row: number, column: string) => report.issues.find((i) => i.row === row && i.column === column);
        expect(at(5, 'unit')).toMatchObject({ code: 'INVALID', expected: 'one_of', allowed: ['piece', 'kg', 'box', 'bottle', 'pack'] });
    expect(at(5, 'weighed')).toMatchObject({ code: 'INVALID', expected: 'yes_no' });
    expect(at(5, 'barcodes')).toMatchObject({ code: 'INVALID' });
    expect(at(5, 'retail_price')).toMatchObject({ code: 'INVALID', expected: 'amount' });
    expect(at(6, 'sku')).toMatchObject({ code: 'DUPLICATE_IN_FILE', otherRow: 2 });
    expect(at(7, 'barcodes')).toMatchObject({ code: 'TAKEN', holder: expect.any(String) });
    expect(at(7, 'category')).toMatchObject({ code: 'UNKNOWN_REFERENCE', value: 'NOPE' });
    expect(await counts()).toEqual(before);
  });

  it('reports unknown and missing columns, and a file that is not a spreadsheet', async () => {
    const report = await refused(await postImport(f, hq, 'products', 'sku,colour\nX,red'));
    expect(report.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 1, column: 'colour', code: 'UNKNOWN_COLUMN' }),
      expect.objectContaining({ row: 1, column: 'name_zh', code: 'MISSING_COLUMN' }),
    ]));
    const broken = await refused(await postImport(f, hq, 'products', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { xlsx: true }));
    expect(broken.issues[0]).toMatchObject({ code: 'UNREADABLE' });
  });

  it('checks without writing in a dry run, then writes everything with one audit entry', async () => {
    const before = await counts();
    const dry = await imported(await postImport(f, hq, 'products', good, { dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, rows: 3, created: 3, updated: 0 });
    expect(await counts()).toEqual(before);
    const done = await imported(await postImport(f, hq, 'products', good, { fileName: 'new.csv' }));
    expect(done).toMatchObject({ dryRun: false, rows: 3, created: 3, updated: 0, written: { products: 3, barcodes: 3, prices: 3, product_costs: 1 } });
    expect(await counts()).toEqual({ ...before, products: before.products + 3, barcodes: before.barcodes + 3, prices: before.prices + 3, costs: before.costs + 1, audit: before.audit + 1 });
    const cola = (await product('IMP-001'))!;
    expect(cola).toMatchObject({ nameEn: 'Coca-Cola 330ml', unit: 'bottle', status: 'new', pinyin: 'kekoukele330ml', attribute1: 'red' });
    expect(cola.changeSeq).toBeGreaterThan(0);
    expect(await product('IMP-002')).toMatchObject({ nameZh: '散称坚果, 混合', weighed: true, scaleItemCode: '20001', unit: 'kg' });
    expect(await product('IMP-003')).toMatchObject({ nameEn: '绿茶', unit: 'bottle', status: 'normal' });
    const [audit] = await f.deps.db.select().from(auditEntries).where(eq(auditEntries.entity, 'import'));
    expect(audit).toMatchObject({ action: 'import', after: { kind: 'products', fileName: 'new.csv', rows: 3, created: 3, checksum: done.checksum } });
  });

  it('updates by SKU on a second import: only what changed, leaving absent columns as they are', async () => {
    clock.advance(60_000);
    const before = await counts();
    const again = await imported(await postImport(f, hq, 'products', 'sku,name_zh,retail_price\nIMP-001,可口可乐 330ml,3.80\nIMP-003,绿茶,4.00'));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: { prices: 1 } });
    const renamed = await imported(await postImport(f, hq, 'products', 'sku,name_zh\nIMP-003,冰绿茶'));
    expect(renamed).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await product('IMP-003')).toMatchObject({ nameZh: '冰绿茶', pinyin: 'binglvcha', nameEn: '绿茶', unit: 'bottle' });
    expect(await counts()).toMatchObject({ products: before.products, prices: before.prices + 1 });
  });

  it('exports what it imports: export, import back, nothing changes, export again identical (CSV and .xlsx)', async () => {
    clock.advance(60_000);
    const csv = await exported(f, hq, 'products', 'format=csv&lang=zh-CN');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv);
    expect(text.startsWith('\uFEFF商品编码,中文名称,')).toBe(true);
    expect(text).toContain('IMP-001,可口可乐 330ml,Coca-Cola 330ml,DRK,B0002,bottle,no,,new,6900000000017|6900000000024,3.80,2.10,');
    const before = await counts();
    // The seed's products get their pinyin keys on the first import back; nothing else changes.
    const back = await imported(await postImport(f, hq, 'products', csv));
    expect(back).toMatchObject({ rows: 43, created: 0, written: { barcodes: 0, prices: 0, product_costs: 0 } });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    expect(await exported(f, hq, 'products', 'format=csv&lang=zh-CN')).toEqual(csv);
    expect(await imported(await postImport(f, hq, 'products', csv))).toMatchObject({ created: 0, updated: 0, unchanged: 43 });
    const xlsx = await exported(f, hq, 'products', 'format=xlsx');
    expect(await imported(await postImport(f, hq, 'products', xlsx, { xlsx: true }))).toMatchObject({ rows: 43, created: 0, updated: 0 });
  });

  it('gives a template of the header alone, and refuses anyone but HQ', async () => {
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exported(f, hq, 'products', 'template=true&lang=en'))).toBe(`\uFEFF${['sku', 'name_zh', 'name_en', 'category', 'brand', 'unit', 'weighed', 'scale_code', 'status', 'barcodes', 'retail_price', 'cost', 'supplier', 'attribute_1', 'attribute_2', 'attribute_3', 'attribute_4', 'attribute_5', 'attribute_6'].join(',')}\n`);
    const east = await signInOffice(f, 'east@demo.pos');
    expect((await postImport(f, east, 'products', good)).status).toBe(403);
    expect((await f.app.request('/exports/products', { headers: { authorization: `Bearer ${east}` } })).status).toBe(403);
  });
});
