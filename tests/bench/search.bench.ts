import { products } from '@pos/hq-server/catalog/catalog.tables';
import { productSearchQuery } from '@pos/hq-server/catalog/product-search.repo';
import type { Db } from '@pos/hq-server/db/client';
import { startServer } from '@pos/hq-server/server';
import { ProductListPage } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { seedFixture, signInOffice } from '../support/fixture';
import { createPostgresDatabase } from '../support/test-db';
import { percentile, round } from './stats';

const PRODUCTS = 100_000;
const CONNECTIONS = 4;
const REQUESTS_PER_KIND = 400;
const SAMPLE = 200;

type Sampled = { sku: string; nameZh: string; nameEn: string; pinyin: string; pinyinInitials: string };

/** Each kind of search the office types, made from real products so that every one finds something. */
const kinds: Record<string, (p: Sampled) => string> = {
  /** Three characters from the middle of the Chinese name. */
  nameZh: (p) => [...p.nameZh].slice(1, 4).join(''),
  /** A word of the English name. */
  nameEn: (p) => p.nameEn.split(' ').sort((a, b) => b.length - a.length)[0]!,
  /** Digits of the SKU (too short to be read as a barcode). */
  code: (p) => p.sku.slice(-6),
  /** Whole pinyin syllables from inside the name, as `kele` finds 可口可乐. */
  pinyin: (p) => p.pinyin.slice(2, 9),
  /** The first four pinyin initials, as the till's and office's quick search is typed. */
  initials: (p) => p.pinyinInitials.slice(0, 4),
};

/** A statement with its parameters written in as literals, for EXPLAIN. */
function inline(query: { sql: string; params: unknown[] }): string {
  const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.params[Number(n) - 1]));
}

/** EXPLAIN ANALYZE of a statement, optionally with bitmap and index scans turned off (what the search cost before its indexes). */
async function explain(db: Db, text: string, withoutIndexes = false): Promise<{ ms: number; plan: string[] }> {
  return db.transaction(async (tx) => {
    if (withoutIndexes) for (const scan of ['bitmapscan', 'indexscan']) await tx.execute(sql.raw(`set local enable_${scan} = off`));
    const rows = (await tx.execute(sql.raw(`explain (analyze, costs off) ${text}`))) as unknown as { 'QUERY PLAN': string }[];
    const plan = rows.map((r) => r['QUERY PLAN']);
    return { ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1]), plan };
  });
}

/** The indexes a plan reads. */
const indexesIn = (plan: string[]) => [...new Set(plan.flatMap((line) => /Index Scan on (\S+)|Index Scan using (\S+)/.exec(line)?.slice(1).filter(Boolean) ?? []))];

/**
 * Searches a PostgreSQL catalog of 100,000 products (analysed after loading) through the office's
 * `GET /products/search?q=`, by Chinese name, English name, code, whole pinyin and pinyin
 * initials, with a few connections at once; and shows, for one search of each kind, the plan
 * (EXPLAIN ANALYZE of the same `matching` condition) and its time with the indexes and without.
 */
export default async function searchBench(): Promise<Record<string, unknown>> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createPostgresDatabase(serverUrl);
  try {
    const seedStarted = performance.now();
    const fixture = await seedFixture(database, undefined, PRODUCTS);
    await database.db.execute(sql`analyze`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const sample = (await database.db.select({ sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, pinyin: products.pinyin, pinyinInitials: products.pinyinInitials })
      .from(products).where(eq(products.chainId, fixture.chainId)).orderBy(sql`md5(${products.id}::text)`).limit(SAMPLE)).filter((p) => [...p.nameZh].length >= 4);
    const token = await signInOffice(fixture, 'hq@demo.pos');
    const server = await startServer(fixture.deps, { port: 0, host: '127.0.0.1', staticDir: null });
    const results: Record<string, unknown> = {};
    try {
      for (const [kind, make] of Object.entries(kinds)) {
        const texts = sample.map(make);
        const ms: number[] = [];
        const matches: number[] = [];
        let next = 0;
        const worker = async () => {
          while (next < REQUESTS_PER_KIND) {
            const q = texts[next++ % texts.length]!;
            const t0 = performance.now();
            const res = await fetch(`${server.url}/products/search?q=${encodeURIComponent(q)}&limit=20`, { headers: { authorization: `Bearer ${token}` } });
            const page = ProductListPage.parse(await res.json());
            ms.push(performance.now() - t0);
            if (page.total === 0) throw new Error(`${kind} search ${q} found nothing`);
            matches.push(page.total);
          }
        };
        await Promise.all(Array.from({ length: CONNECTIONS }, worker));
        const statement = inline(productSearchQuery(database.db, fixture.chainId, { q: texts[0], limit: 20, offset: 0 }).toSQL());
        const [indexed, scanned] = [await explain(database.db, statement), await explain(database.db, statement, true)];
        results[kind] = {
          example: texts[0],
          httpMs: { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)) },
          medianMatches: percentile(matches, 50),
          statementMs: { withIndexes: indexed.ms, withoutIndexes: scanned.ms },
          indexesUsed: indexesIn(indexed.plan),
          seqScanOfProducts: indexed.plan.some((line) => line.includes('Seq Scan on products')),
          plan: indexed.plan,
        };
      }
    } finally {
      await server.close();
    }
    return { database: 'PostgreSQL', products: PRODUCTS, connections: CONNECTIONS, requestsPerKind: REQUESTS_PER_KIND, seedSeconds: round(seedSeconds, 1), searches: results };
  } finally {
    await database.close();
  }
}
