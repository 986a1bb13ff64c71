import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pinyinKeys } from '@pos/hq-server/catalog/pinyin';
import { startServer } from '@pos/hq-server/server';
import { query } from '@pos/hq-server/db/query';
import { newId } from '@pos/hq-server/ids';
import { ImportResult } from '@pos/shared';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { seedFixture, signInOffice } from '../support/fixture';
import { createPostgresDatabase, createTestDatabase, type TestDatabase } from '../support/test-db';
import { benchCsv, benchProduct } from './import-file';
import { round } from './stats';

const PRODUCTS = 100_000;

/** Loads the same rows with COPY … FROM STDIN into scratch tables shaped like products, barcodes and prices: the floor for the database. */
async function copyFloor(url: string, chainId: string): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const t of ['products', 'barcodes', 'prices']) await client.unsafe(`create table copy_${t} (like ${t} including all)`);
    const now = new Date().toISOString();
    const rows = Array.from({ length: PRODUCTS }, (_, i) => ({ id: newId(), ...benchProduct(i + 1) }));
    const keys = rows.map((r) => pinyinKeys(r.nameZh));
    const load = async (statement: string, line: (i: number) => string) => {
      const writable = await client.unsafe(statement).writable();
      await pipeline(Readable.from((function* () {
        for (let i = 0; i < PRODUCTS; i += 5_000) yield Array.from({ length: Math.min(5_000, PRODUCTS - i) }, (_, j) => line(i + j)).join('');
      })()), writable);
    };
    const started = performance.now();
    await load('copy copy_products (chain_id, id, sku, name_zh, name_en, unit, pinyin, pinyin_initials, updated_at) from stdin', (i) =>
      `${chainId}\t${rows[i]!.id}\t${rows[i]!.sku}\t${rows[i]!.nameZh}\t${rows[i]!.nameEn}\t${rows[i]!.unit}\t${keys[i]!.pinyin}\t${keys[i]!.initials}\t${now}\n`);
    await load('copy copy_barcodes (chain_id, code, product_id) from stdin', (i) => `${chainId}\t${rows[i]!.barcode}\t${rows[i]!.id}\n`);
    await load('copy copy_prices (chain_id, id, product_id, kind, amount_minor, effective_from) from stdin', (i) => `${chainId}\t${newId()}\t${rows[i]!.id}\tretail\t${rows[i]!.priceMinor}\t${now}\n`);
    return (performance.now() - started) / 1000;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Imports 100,000 products (each with a barcode and a retail price) from one CSV through
 * `POST /imports/products` on HQ listening on a real port, into a fresh database, and
 * compares the time with a plain COPY of the same rows. `--pglite` runs it on PGlite.
 */
export default async function importBench(args: string[]): Promise<Record<string, unknown>> {
  const onPglite = args.includes('--pglite');
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database: TestDatabase = onPglite ? await createTestDatabase() : await createPostgresDatabase(serverUrl);
  try {
    const fixture = await seedFixture(database, undefined, 300);
    const token = await signInOffice(fixture, 'hq@demo.pos');
    const csv = benchCsv(PRODUCTS);
    const server = await startServer(fixture.deps, { port: 0, host: '127.0.0.1', staticDir: null });
    const started = performance.now();
    const res = await fetch(`${server.url}/imports/products?fileName=bench.csv`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv,
    });
    const text = await res.text();
    const seconds = (performance.now() - started) / 1000;
    await server.close();
    if (res.status !== 200) throw new Error(`import answered ${res.status}: ${text.slice(0, 500)}`);
    const result = ImportResult.parse(JSON.parse(text));
    const [landed] = await query<{ products: number; barcodes: number }>(database.db, sql`select (select count(*) from products where sku like 'BEN%')::int as products,
      (select count(*) from barcodes where code like '699%')::int as barcodes`);
    const copySeconds = onPglite || !database.url ? null : await copyFloor(database.url, fixture.chainId);
    return {
      database: onPglite ? 'PGlite' : 'PostgreSQL',
      products: PRODUCTS, fileBytes: Buffer.byteLength(csv), result: result.written, landed: landed ?? null,
      importSeconds: round(seconds, 2), productsPerSecond: Math.round(PRODUCTS / seconds),
      copySeconds: copySeconds === null ? null : round(copySeconds, 2),
      importToCopyRatio: copySeconds === null ? null : round(seconds / copySeconds, 1),
      underOneMinute: seconds < 60,
    };
  } finally {
    await database.close();
  }
}
