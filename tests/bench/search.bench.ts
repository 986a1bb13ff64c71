import { barcodes, products } from '@pos/hq-server/catalog/catalog.tables';
import { productSearchQuery } from '@pos/hq-server/catalog/product-search.repo';
import type { Db } from '@pos/hq-server/db/client';
import { query } from '@pos/hq-server/db/query';
import { startServer } from '@pos/hq-server/server';
import { ProductListPage } from '@pos/shared';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { createBenchFixture, signInOffice } from '../support/fixture';
import { percentile, round } from './stats';

/** Connections at once: PGlite answers one statement at a time, so one there. */
const CONNECTIONS = { postgres: 4, pglite: 1 };
const REQUESTS_PER_KIND = 200;
const SAMPLE = 200;

type Measured = { httpMs: { p50: number }; queryMs: { p50: number }; usesIntendedIndex: boolean };

type Sampled = { sku: string; nameZh: string; nameEn: string; pinyin: string; pinyinInitials: string; barcode: string | null };

interface Kind {
  /** The search text made from a real product, so that every search finds something. */
  make: (p: Sampled) => string | null;
  /** The indexes a good plan of this kind reads (any of them). */
  intended: string[];
}

/** Each kind of search the office types. */
const kinds: Record<string, Kind> = {
  /** A whole EAN-13 off a pack. */
  barcode: { make: (p) => p.barcode, intended: ['barcodes_chain_id_code_pk'] },
  /** A whole SKU as printed on a shelf label. */
  sku: { make: (p) => p.sku, intended: ['products_sku_trgm'] },
  /** Digits of the SKU (too short to be read as a barcode). */
  code: { make: (p) => p.sku.slice(-6), intended: ['products_sku_trgm'] },
  /** Three characters from the middle of the Chinese name. */
  nameZh: { make: (p) => [...p.nameZh].slice(1, 4).join(''), intended: ['products_name_zh_trgm'] },
  /** Two characters from inside the Chinese name, as 可乐 is looked for in 百事可乐. */
  nameZhShort: { make: (p) => [...p.nameZh].slice(2, 4).join(''), intended: ['products_name_zh_bigrams'] },
  /** The first character of the Chinese name. */
  oneCharacter: { make: (p) => [...p.nameZh][0]!, intended: ['products_name_zh_prefix'] },
  /** A word of the English name. */
  nameEn: { make: (p) => p.nameEn.split(' ').sort((a, b) => b.length - a.length)[0]!, intended: ['products_name_en_trgm'] },
  /** Whole pinyin syllables from inside the name, as `kele` finds 可口可乐. */
  pinyin: { make: (p) => p.pinyin.slice(2, 9), intended: ['products_pinyin_trgm'] },
  /** The first four pinyin initials, as the till's and office's quick search is typed. */
  initials: { make: (p) => p.pinyinInitials.slice(0, 4), intended: ['products_pinyin_initials', 'products_pinyin_initials_trgm'] },
  /** The first two pinyin initials (`kl`). */
  initialsShort: { make: (p) => p.pinyinInitials.slice(0, 2), intended: ['products_pinyin_initials'] },
};

/** A statement with its parameters written in as literals, for EXPLAIN. */
function inline(statement: { sql: string; params: unknown[] }): string {
  const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);
  return statement.sql.replace(/\$(\d+)/g, (_, n: string) => literal(statement.params[Number(n) - 1]));
}

/** EXPLAIN ANALYZE of a statement, optionally with bitmap and index scans turned off (what the search costs without its indexes). */
async function explain(db: Db, text: string, withoutIndexes = false): Promise<{ ms: number; plan: string[] }> {
  return db.transaction(async (tx) => {
    if (withoutIndexes) for (const scan of ['bitmapscan', 'indexscan']) await tx.execute(sql.raw(`set local enable_${scan} = off`));
    const plan = (await query<{ 'QUERY PLAN': string }>(tx, sql.raw(`explain (analyze, costs off) ${text}`))).map((r) => r['QUERY PLAN']);
    return { ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1]), plan };
  });
}

/** The indexes a plan reads. */
const indexesIn = (plan: string[]) => [...new Set(plan.flatMap((line) => /Index (?:Only )?Scan (?:on|using) (\S+)/.exec(line)?.slice(1) ?? []))];

/**
 * Searches the office's product list (`GET /products/search?q=`) of a catalog of each size asked
 * for, by every kind of text above, with a few connections at once, then the same searches one at
 * a time straight on the database (the query alone); and shows, for one search of each kind, the
 * plan (EXPLAIN ANALYZE of the same `matching` condition), whether it reads the index meant for
 * that kind, and its time with the indexes and without.
 */
async function measure(productCount: number, serverUrl: string | undefined): Promise<Record<string, unknown>> {
  const connections = serverUrl ? CONNECTIONS.postgres : CONNECTIONS.pglite;
  const seedStarted = performance.now();
  const { database, f: fixture } = await createBenchFixture(productCount, serverUrl);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  try {
    const sample = (await database.db.select({ sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn, pinyin: products.pinyin, pinyinInitials: products.pinyinInitials, barcode: barcodes.code })
      .from(products).leftJoin(barcodes, and(eq(barcodes.chainId, products.chainId), eq(barcodes.productId, products.id)))
      .where(and(eq(products.chainId, fixture.chainId), isNotNull(barcodes.code))).orderBy(sql`md5(${products.id}::text)`).limit(SAMPLE)).filter((p) => [...p.nameZh].length >= 4);
    const token = await signInOffice(fixture, 'hq@demo.pos');
    const server = await startServer(fixture.deps, { port: 0, host: '127.0.0.1', staticDir: null });
    const results: Record<string, unknown> = {};
    try {
      for (const [kind, { make, intended }] of Object.entries(kinds)) {
        const texts = sample.map(make).filter((t): t is string => !!t);
        const ms: number[] = [];
        const matches: number[] = [];
        let next = 0;
        const worker = async () => {
          while (next < REQUESTS_PER_KIND) {
            const q = texts[next++ % texts.length]!;
            const t0 = performance.now();
            const url = `${server.url}/products/search?q=${encodeURIComponent(q)}&limit=20`;
            const init = { headers: { authorization: `Bearer ${token}` } };
            // Once more on a fresh connection when a kept-alive one was closed by the server just as it was reused.
            const res = await fetch(url, init).catch(() => fetch(url, init));
            const page = ProductListPage.parse(await res.json());
            ms.push(performance.now() - t0);
            if (page.total === 0) throw new Error(`${kind} search ${q} found nothing`);
            matches.push(page.total);
          }
        };
        await Promise.all(Array.from({ length: connections }, worker));
        // The same searches straight on the database, one at a time: the statement without HTTP, sign-in check and other requests.
        const queryMs: number[] = [];
        for (const q of texts) {
          const t0 = performance.now();
          await productSearchQuery(database.db, fixture.chainId, { q, limit: 20, offset: 0 });
          queryMs.push(performance.now() - t0);
        }
        const statement = inline(productSearchQuery(database.db, fixture.chainId, { q: texts[0], limit: 20, offset: 0 }).toSQL());
        const [indexed, scanned] = [await explain(database.db, statement), await explain(database.db, statement, true)];
        const indexesUsed = indexesIn(indexed.plan);
        const seqScanOfProducts = indexed.plan.some((line) => line.includes('Seq Scan on products'));
        results[kind] = {
          example: texts[0],
          httpMs: { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)) },
          queryMs: { p50: round(percentile(queryMs, 50)), p95: round(percentile(queryMs, 95)), max: round(Math.max(...queryMs)) },
          medianMatches: percentile(matches, 50),
          statementMs: { withIndexes: indexed.ms, withoutIndexes: scanned.ms },
          intendedIndex: intended,
          usesIntendedIndex: !seqScanOfProducts && intended.some((name) => indexesUsed.includes(name)),
          indexesUsed,
          seqScanOfProducts,
          plan: indexed.plan,
        };
      }
    } finally {
      await server.close();
    }
    return { products: productCount, seedSeconds: round(seedSeconds, 1), searches: results };
  } finally {
    await database.close();
  }
}

/**
 * `pnpm bench search [products…] [--pglite]`: the searches at each catalog size (5,000 and
 * 100,000 unless given), on the PostgreSQL server of DATABASE_URL (or the local one) or on
 * PGlite; and for each kind how its median time grew from the smallest catalog to the largest.
 */
export default async function searchBench(args: string[]): Promise<Record<string, unknown>> {
  const pglite = args.includes('--pglite');
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const serverUrl = pglite ? undefined : (process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const runs: Record<string, unknown>[] = [];
  for (const size of sizes.length ? sizes : [5_000, 100_000]) {
    const run = await measure(size, serverUrl);
    console.log(`${size} products: ${Object.entries(run.searches as Record<string, Measured>).map(([k, v]) => `${k} p50 ${v.httpMs.p50} ms over HTTP, ${v.queryMs.p50} ms the query${v.usesIntendedIndex ? '' : ' (not the intended index)'}`).join(', ')}`);
    runs.push(run);
  }
  const [smallest, largest] = [runs[0]!, runs.at(-1)!];
  const growth = (figure: 'httpMs' | 'queryMs') => {
    const p50 = (run: Record<string, unknown>, kind: string) => (run.searches as Record<string, Measured>)[kind]![figure].p50;
    return runs.length > 1 ? Object.fromEntries(Object.keys(kinds).map((kind) => [kind, round(p50(largest, kind) / p50(smallest, kind))])) : undefined;
  };
  return { database: pglite ? 'PGlite' : 'PostgreSQL', connections: pglite ? CONNECTIONS.pglite : CONNECTIONS.postgres, requestsPerKind: REQUESTS_PER_KIND, p50GrowthLargestToSmallest: { http: growth('httpMs'), query: growth('queryMs') }, runs };
}
