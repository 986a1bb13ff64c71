import { sales, saleLines } from '@pos/hq-server/sales/sales.tables';
import { stockMovements } from '@pos/hq-server/stock/stock.tables';
import { startServer } from '@pos/hq-server/server';
import { PushResponse, type Sale } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { makeSale, pairTill, seedFixture } from '../support/fixture';
import { createPostgresDatabase } from '../support/test-db';
import { percentile, round } from './stats';

const SALES = 10_000;
const LINES = 5;
const BATCH = 100;

/**
 * Pushes 10,000 five-line sales from one till, batch after batch as the till's sync worker
 * does, over HTTP into HQ on a fresh PostgreSQL database, and counts what landed.
 */
export default async function ingestBench(): Promise<Record<string, unknown>> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createPostgresDatabase(serverUrl);
  try {
    const fixture = await seedFixture(database);
    await database.db.execute(sql`analyze`);
    const till = await pairTill(fixture, 'S002');
    const server = await startServer(fixture.deps, { port: 0, host: '127.0.0.1', staticDir: null });
    const docs: Sale[] = Array.from({ length: SALES }, (_, i) => makeSale(fixture, till, '0022', { lines: LINES, at: new Date(Date.parse('2026-11-22T02:00:00Z') + i * 1000) }));
    const batchMs: number[] = [];
    const started = performance.now();
    for (let i = 0; i < docs.length; i += BATCH) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${till.deviceToken}` },
        body: JSON.stringify({ documents: docs.slice(i, i + BATCH) }),
      });
      const body = PushResponse.parse(await res.json());
      if (body.results.some((r) => r.status !== 'accepted')) throw new Error(`batch ${i / BATCH} not accepted: ${JSON.stringify(body.results.find((r) => r.status !== 'accepted'))}`);
      batchMs.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    await server.close();
    const [counted] = await database.db.select({ n: sql<number>`count(*)::int` }).from(sales);
    const [lines] = await database.db.select({ n: sql<number>`count(*)::int` }).from(saleLines);
    const [moves] = await database.db.select({ n: sql<number>`count(*)::int` }).from(stockMovements);
    if (counted!.n !== SALES || lines!.n !== SALES * LINES || moves!.n !== SALES * LINES) throw new Error('ingest lost or doubled rows');
    return {
      database: 'PostgreSQL',
      sales: SALES, linesPerSale: LINES, batchSize: BATCH,
      seconds: round(seconds), salesPerSecond: Math.round(SALES / seconds),
      batchMs: { median: round(percentile(batchMs, 50)), p95: round(percentile(batchMs, 95)), max: round(Math.max(...batchMs)) },
      verified: { sales: counted!.n, saleLines: lines!.n, stockMovements: moves!.n },
      target: { salesPerSecond: 1000, met: SALES / seconds >= 1000 },
    };
  } finally {
    await database.close();
  }
}
