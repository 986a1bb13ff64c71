import { barcodes } from '@pos/hq-server/catalog/catalog.tables';
import { productSearchQuery } from '@pos/hq-server/catalog/product-search.repo';
import { startServer } from '@pos/hq-server/server';
import { ProductPage } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { createBenchFixture, signInOffice } from '../support/fixture';
import { percentile, round } from './stats';

const CONNECTIONS = 20;
const REQUESTS = 4_000;

/** The plan PostgreSQL picks for a statement, its parameters written in as literals. */
async function explain(run: (text: string) => Promise<unknown[]>, query: { sql: string; params: unknown[] }): Promise<string> {
  const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);
  const text = query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.params[Number(n) - 1]));
  const rows = (await run(`explain ${text}`)) as { 'QUERY PLAN': string }[];
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/**
 * Looks products up by barcode through `GET /catalog/products?q=<barcode>`, as the office and
 * a till's price check do, with 20 connections at once against HQ on a fresh PostgreSQL
 * database holding 100,000 products (`pnpm bench lookup 5000` for another size), analysed after
 * loading, as a real one would be.
 */
export default async function lookupBench(args: string[]): Promise<Record<string, unknown>> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const seedStarted = performance.now();
  const { database, f: fixture } = await createBenchFixture(size, serverUrl);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  try {
    const codes = (await database.db.select({ code: barcodes.code }).from(barcodes).where(eq(barcodes.chainId, fixture.chainId))).map((b) => b.code);
    // postgres.js answers a statement with its rows.
    const run = async (text: string) => (await database.db.execute(sql.raw(text))) as unknown as unknown[];
    const search = productSearchQuery(database.db, fixture.chainId, { q: codes[codes.length >> 1], limit: 20, offset: 0 }).toSQL();
    const plan = await explain(run, search);
    const analysed = await explain(run, { ...search, sql: `(analyze) ${search.sql}` });
    const queryMs = Number(/Execution Time: ([\d.]+) ms/.exec(analysed)?.[1]);
    const token = await signInOffice(fixture, 'hq@demo.pos');
    const server = await startServer(fixture.deps, { port: 0, host: '127.0.0.1', staticDir: null });
    const lookupMs: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const code = codes[(next++ * 7919) % codes.length]!;
        const t0 = performance.now();
        const res = await fetch(`${server.url}/catalog/products?q=${code}`, { headers: { authorization: `Bearer ${token}` } });
        const page = ProductPage.parse(await res.json());
        lookupMs.push(performance.now() - t0);
        if (page.items.length !== 1 || !page.items[0]!.barcodes.includes(code)) throw new Error(`barcode ${code} found ${page.items.length} products`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const seconds = (performance.now() - started) / 1000;
    await server.close();
    return {
      database: 'PostgreSQL',
      products: codes.length, connections: CONNECTIONS, requests: REQUESTS, seedSeconds: round(seedSeconds, 1),
      searchStatementMs: queryMs,
      lookupMs: { p50: round(percentile(lookupMs, 50)), p99: round(percentile(lookupMs, 99)), max: round(Math.max(...lookupMs)) },
      requestsPerSecond: Math.round(REQUESTS / seconds),
      plan: { usesBarcodeKey: plan.includes('barcodes_chain_id_code_pk'), seqScanOfProducts: /Seq Scan on products/.test(plan), text: plan.split('\n') },
    };
  } finally {
    await database.close();
  }
}
