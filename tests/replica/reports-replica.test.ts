import { createApp } from '@pos/hq-server/app';
import { openDatabase, type Database } from '@pos/hq-server/db/client';
import { migrateDatabase } from '@pos/hq-server/db/migrate';
import { query } from '@pos/hq-server/db/query';
import { reportOutputs } from '@pos/hq-server/roles/roles.tables';
import { businessDate, ProductSalesReport, PushResponse, StoreDayPrint, StoreDayReport, type PairedDevice, type Sale } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, makeSale, pairTill, seedFixture, signInOffice, type Fixture } from '../support/fixture';
import { tempClusters, type TempClusters } from './local-clusters';

let clusters: TempClusters | undefined;
let primary: Database | undefined;
let replica: Database | undefined;
let f: Fixture;
let till: PairedDevice;
let hq: string;

beforeAll(async () => {
  clusters = tempClusters();
  const primaryCluster = await clusters.startPrimary();
  // The replica is made from the empty primary, so the schema and the seed reach it by streaming.
  const replicaCluster = await clusters.startReplica(primaryCluster);
  primary = await openDatabase({ url: primaryCluster.url, poolSize: 4 });
  replica = await openDatabase({ url: replicaCluster.url, poolSize: 4 });
  await migrateDatabase(primary);
  const seeded = await seedFixture({ ...primary, url: primaryCluster.url, skipLedgerProof: () => {} });
  const deps = { ...seeded.deps, reportsDb: replica.db };
  f = { ...seeded, deps, app: createApp(deps) };
  till = await pairTill(f, 'S001');
  hq = await signInOffice(f, 'hq@demo.pos');
});

afterAll(async () => {
  try {
    await replica?.close();
    await primary?.close();
  } finally {
    await clusters?.remove();
  }
});

const inRecovery = async (db: Database) => (await query<{ recovery: boolean }>(db.db, sql`select pg_is_in_recovery() as recovery`))[0]!.recovery;

/** Asks `read` again every 50 ms until `done` holds, for up to 15 seconds. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function pushSale(sale: Sale): Promise<void> {
  const res = await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken));
  expect(res.status).toBe(200);
  expect(PushResponse.parse(await res.json()).results.map((r) => r.status)).toEqual(['accepted']);
}

const day = () => businessDate(f.clock(), till.store.timeZone);
const range = () => `from=${day()}&to=${day()}&storeId=${till.store.id}`;
const storeDay = async () => StoreDayReport.parse(await (await f.app.request(`/reports/store-day?${range()}`, bearer(hq))).json());
const productSales = async () => ProductSalesReport.parse(await (await f.app.request(`/reports/product-sales?${range()}`, bearer(hq))).json());
const units = (sale: Sale) => sale.lines.reduce((n, l) => n + l.quantity, 0);

describe('reports read from a streaming replica (REPORTS_DATABASE_URL)', () => {
  it('reads reports on the replica while sales are written to the primary', async () => {
    expect(await inRecovery(replica!)).toBe(true);
    expect(await inRecovery(primary!)).toBe(false);
    const sale = makeSale(f, till, '0012', { lines: 3 });
    await pushSale(sale);
    const report = await eventually(storeDay, (r) => r.totals.tickets > 0);
    expect(report.rows).toHaveLength(1);
    expect(report.totals).toEqual({ salesMinor: sale.totalMinor, tickets: 1, items: units(sale), averageBasketMinor: sale.totalMinor });
    expect((await productSales()).totals.salesMinor).toBe(sale.totalMinor);
  });

  it('shows a sale only once the replica has replayed it, and counts a print on the primary', async () => {
    const before = await storeDay();
    await replica!.db.execute(sql`select pg_wal_replay_pause()`);
    const paused = await eventually(
      async () => (await query<{ state: string }>(replica!.db, sql`select pg_get_wal_replay_pause_state() as state`))[0]!.state,
      (state) => state === 'paused',
    );
    expect(paused).toBe('paused');

    const sale = makeSale(f, till, '0013', { lines: 2 });
    await pushSale(sale);
    const lsn = (await query<{ lsn: string }>(primary!.db, sql`select pg_current_wal_lsn()::text as lsn`))[0]!.lsn;
    // The replica has the sale's WAL in hand but has not replayed it, so no report shows it yet.
    const received = await eventually(
      async () => (await query<{ received: boolean }>(replica!.db, sql`select pg_last_wal_receive_lsn() >= ${lsn}::pg_lsn as received`))[0]!.received,
      Boolean,
    );
    expect(received).toBe(true);
    expect(await storeDay()).toEqual(before);
    expect((await productSales()).totals.salesMinor).toBe(before.totals.salesMinor);

    // A print reads the report on the replica and records the output on the primary (the replica takes no writes).
    const print = await f.app.request('/reports/store-day/print', json({ from: day(), to: day(), storeId: till.store.id }, hq));
    expect(print.status).toBe(200);
    expect(StoreDayPrint.parse(await print.json()).report).toEqual(before);
    const outputs = await primary!.db.select({ format: reportOutputs.format }).from(reportOutputs).where(eq(reportOutputs.chainId, f.chainId));
    expect(outputs.map((o) => o.format)).toEqual(['print']);

    await replica!.db.execute(sql`select pg_wal_replay_resume()`);
    const after = await eventually(storeDay, (r) => r.totals.tickets > before.totals.tickets);
    expect(after.totals).toMatchObject({ tickets: before.totals.tickets + 1, salesMinor: before.totals.salesMinor + sale.totalMinor, items: before.totals.items + units(sale) });
  });
});
