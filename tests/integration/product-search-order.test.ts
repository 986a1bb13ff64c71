import { barcodes, products } from '@pos/hq-server/catalog/catalog.tables';
import { pinyinQuery } from '@pos/hq-server/catalog/pinyin';
import { productSearchQuery } from '@pos/hq-server/catalog/product-search.repo';
import { query } from '@pos/hq-server/db/query';
import { ProductListPage, ProductPage } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

/** Products made so that one search finds one by its whole SKU, some by their start and some only inside. */
const made = [
  { sku: 'KL', nameZh: '散装饼干', nameEn: 'Loose Biscuits' },
  { sku: 'ZZ-COLA', nameZh: '可乐', nameEn: 'Cola' },
  { sku: 'ZZ-COLA-LEMON', nameZh: '可乐柠檬味', nameEn: 'Cola Lemon' },
  { sku: 'AA-PEPSI', nameZh: '百事可乐', nameEn: 'Pepsi Cola' },
  { sku: 'AA-SCALE', nameZh: '散称可乐糖', nameEn: 'Loose Cola Candy', unit: 'kg', weighed: true, scaleItemCode: '70707' },
];

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  for (const product of made) {
    const res = await f.app.request('/products', json({ unit: 'piece', ...product, barcodes: product.sku === 'KL' ? ['6900000007075'] : [] }, hq));
    expect(res.status).toBe(201);
  }
  await database.db.execute(sql`analyze`);
});
afterAll(() => database.close());

type Row = { id: string; sku: string; nameZh: string; nameEn: string; pinyin: string; pinyinInitials: string; scaleItemCode: string | null };

/** What a search should find and in which order, worked out over every product of the chain (`product-search.repo.ts` says the rule). */
async function expected(q: string): Promise<string[]> {
  const rows: Row[] = await database.db.select({ id: products.id, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, pinyin: products.pinyin, pinyinInitials: products.pinyinInitials, scaleItemCode: products.scaleItemCode })
    .from(products).where(eq(products.chainId, f.chainId));
  const codes = await database.db.select({ code: barcodes.code, productId: barcodes.productId }).from(barcodes).where(eq(barcodes.chainId, f.chainId));
  const barcoded = new Set(codes.filter((c) => c.code === q).map((c) => c.productId));
  const text = q.toLowerCase();
  const keys = /^[A-Za-z][A-Za-z\s']*$/.test(q) ? pinyinQuery(q) : '';
  const texts = (p: Row) => [p.sku, p.nameZh, p.nameEn].map((t) => t.toLowerCase());
  const whole = (p: Row) => barcoded.has(p.id) || p.sku.toLowerCase() === text || p.scaleItemCode === q;
  const starts = (p: Row) => texts(p).some((t) => t.startsWith(text)) || (!!keys && (p.pinyinInitials.startsWith(keys) || p.pinyin.startsWith(keys)));
  const inside = (p: Row) => [...q].length >= 3
    ? texts(p).some((t) => t.includes(text)) || (!!keys && p.pinyin.includes(keys))
    : [...q].length === 2 && p.nameZh.toLowerCase().includes(text);
  const rank = (p: Row) => (whole(p) ? 0 : starts(p) ? 1 : 2);
  return rows.filter((p) => whole(p) || starts(p) || inside(p))
    .sort((a, b) => rank(a) - rank(b) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)).map((p) => p.sku);
}

const list = async (q: string, more = '&limit=200') =>
  ProductListPage.parse(await (await f.app.request(`/products/search?q=${encodeURIComponent(q)}${more}`, bearer(hq))).json());

describe('the order of a product search', () => {
  it('puts the whole code first, then what starts with the text, then what holds it, by SKU among equals', async () => {
    const page = await list('kl');
    expect(page.items.map((p) => p.sku).slice(0, 3)).toEqual(['KL', 'ZZ-COLA', 'ZZ-COLA-LEMON']);
    expect(page.items.map((p) => p.sku)).toEqual(await expected('kl'));
    const cola = await list('可乐');
    expect(cola.items.map((p) => p.sku).filter((sku) => made.some((m) => m.sku === sku))).toEqual(['ZZ-COLA', 'ZZ-COLA-LEMON', 'AA-PEPSI', 'AA-SCALE']);
    expect(cola.items.map((p) => p.sku)).toEqual(await expected('可乐'));
    expect((await list('70707')).items.map((p) => p.sku)).toEqual(['AA-SCALE']);
  });

  it('finds by each kind what the rule says, in that order, on both pages of a split result', async () => {
    for (const q of ['kl', 'KL', '可乐', '可', 'Cola', 'cola', 'kele', 'klnmw', 'SKU00001', 'SKU000012', '00012', 'Lo', 'x', '散称', '6900000007075']) {
      const want = await expected(q);
      const page = await list(q);
      expect({ q, skus: page.items.map((p) => p.sku), total: page.total }).toEqual({ q, skus: want, total: want.length });
      if (want.length > 3) {
        const second = await list(q, '&limit=3&offset=3');
        expect(second.items.map((p) => p.sku)).toEqual(want.slice(3, 6));
        expect(second.total).toBe(want.length);
      }
    }
  });

  it('keeps a sort the office asks for, and the chain’s catalog search has the same order', async () => {
    const byName = await list('可乐', '&limit=200&sort=nameEn&order=desc');
    expect(byName.items.map((p) => p.nameEn)).toEqual([...byName.items.map((p) => p.nameEn)].sort().reverse());
    const catalog = ProductPage.parse(await (await f.app.request(`/catalog/products?q=${encodeURIComponent('可乐')}&limit=200`, bearer(hq))).json());
    expect(catalog.items.map((i) => i.product.sku)).toEqual(await expected('可乐'));
  });

  it('finds a two-character text inside a Chinese name but a one-character text and two Latin letters only at a start', async () => {
    expect((await list('事可')).items.map((p) => p.sku)).toContain('AA-PEPSI');
    expect((await list('乐')).items.map((p) => p.sku)).not.toContain('ZZ-COLA');
    expect((await list('ps')).items.map((p) => p.sku)).not.toContain('AA-PEPSI');
    expect((await list('eps')).items.map((p) => p.sku)).toContain('AA-PEPSI');
  });
});

/** The plan of a search over a catalog of 5,000 products (on a few hundred, reading every row is rightly cheaper than any index). */
describe('the plan of each kind of search', () => {
  let large: { database: TestDatabase; f: Fixture };
  beforeAll(async () => {
    large = await createSeededFixture(undefined, 5_000);
  }, 600_000);
  afterAll(() => large.database.close());

  async function planOf(q: string): Promise<string> {
    const statement = productSearchQuery(large.database.db, large.f.chainId, { q, limit: 20, offset: 0 }).toSQL();
    const text = statement.sql.replace(/\$(\d+)/g, (_, n: string) => {
      const value = statement.params[Number(n) - 1];
      return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
    });
    return (await query<{ 'QUERY PLAN': string }>(large.database.db, sql.raw(`explain ${text}`))).map((r) => r['QUERY PLAN']).join('\n');
  }

  it.each([
    ['three Chinese characters', '口可乐', 'products_name_zh_trgm'],
    ['two Chinese characters', '可乐', 'products_name_zh_bigrams'],
    ['one Chinese character', '可', 'products_name_zh_prefix'],
    ['an English word', 'Seaweed', 'products_name_en_trgm'],
    ['digits of a SKU', '00012', 'products_sku_trgm'],
    ['whole pinyin', 'kele', 'products_pinyin_trgm'],
    ['two initials', 'kl', 'products_pinyin_initials'],
    ['a scale item code', '10001', 'products_chain_scale_item'],
  ])('reads %s through its index and the products by their key, never walking every product', async (_kind, q, index) => {
    const plan = await planOf(q);
    expect(plan).toContain(index);
    expect(plan).toMatch(/Index Scan (using|on) products_chain_id_id_pk on products|Index Scan on products_chain_id_id_pk/);
    expect(plan).not.toMatch(/Seq Scan on products/);
    expect(plan).not.toContain('products_chain_sku');
  });
});
