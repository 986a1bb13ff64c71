import { prices } from '@pos/hq-server/catalog/catalog.tables';
import { openDatabase, type Database } from '@pos/hq-server/db/client';
import { openJobLock } from '@pos/hq-server/db/job-lock';
import { knownMigrations, migrateDatabase } from '@pos/hq-server/db/migrate';
import { query } from '@pos/hq-server/db/query';
import { checkReadiness } from '@pos/hq-server/observability/readiness';
import { newId } from '@pos/hq-server/ids';
import { repricingDataFor, type RepricingData } from '@pos/hq-server/sales/reprice-sales';
import { lineUnitPrice, minor } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, type Fixture } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const onPostgres = process.env.POS_TEST_DB === 'postgres';

/** Another HQ process's connections to the same PostgreSQL database. */
const anotherProcess = (database: TestDatabase) => openDatabase({ url: database.url!, poolSize: 2 });

describe.runIf(onPostgres)('several HQ processes starting on one fresh PostgreSQL database', () => {
  it('migrates it once when two processes migrate at the same moment, both succeeding', async () => {
    const bare = await createTestDatabase({ migrated: false });
    const processes = await Promise.all([anotherProcess(bare), anotherProcess(bare)]);
    try {
      await Promise.all(processes.map((hq) => migrateDatabase(hq)));
      const [row] = await query<{ applied: number; distinct: number }>(bare.db, sql`select count(*)::int as applied, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`);
      expect(row).toEqual({ applied: knownMigrations().length, distinct: knownMigrations().length });
      expect(await checkReadiness(bare.db)).toEqual({ ready: true });
      await migrateDatabase(processes[0]!);
      const [again] = await query<{ applied: number }>(bare.db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
      expect(again!.applied).toBe(knownMigrations().length);
    } finally {
      await Promise.all(processes.map((hq) => hq.close()));
      await bare.close();
    }
  });
});

describe('scheduled jobs across processes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it.runIf(onPostgres)('runs a job in the process that took its lock first, skips it in the other, and hands it over when that one stops', async () => {
    const [a, b] = await Promise.all([anotherProcess(database), anotherProcess(database)]);
    const said: string[] = [];
    const lockA = openJobLock(a, (line) => said.push(`a ${line}`));
    const lockB = openJobLock(b, (line) => said.push(`b ${line}`));
    try {
      expect(await Promise.all([lockA.mayRun('points-expiry'), lockB.mayRun('points-expiry')]).then((r) => r.filter(Boolean).length)).toBe(1);
      const runner = (await lockA.mayRun('points-expiry')) ? lockA : lockB;
      const other = runner === lockA ? lockB : lockA;
      for (let round = 0; round < 3; round++) expect([await runner.mayRun('points-expiry'), await other.mayRun('points-expiry')]).toEqual([true, false]);
      expect(await other.mayRun('member-messages')).toBe(true);
      await runner.close();
      expect(await other.mayRun('points-expiry')).toBe(true);
      // Only changes of who runs a job are logged.
      expect(said.filter((line) => line.includes('points-expiry')).length).toBe(3);
    } finally {
      await Promise.all([lockA.close(), lockB.close()]);
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.runIf(!onPostgres)('runs every job on PGlite, where one process owns the database', async () => {
    const lock = openJobLock(database as Database, () => {});
    expect(await lock.mayRun('points-expiry')).toBe(true);
    await lock.close();
  });
});

describe('the repricing cache', () => {
  let database: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    ({ database, f } = await createSeededFixture());
  });
  afterAll(() => database.close());

  it('makes callers that find it cold at once share one reload', async () => {
    const hq = onPostgres ? await anotherProcess(database) : database;
    try {
      const loaded = await Promise.all(Array.from({ length: 6 }, () => repricingDataFor(hq.db, f.chainId, f.storeIds.S001!)));
      expect(new Set(loaded).size).toBe(1);
      expect(await repricingDataFor(hq.db, f.chainId, f.storeIds.S001!)).toBe(loaded[0]);
    } finally {
      if (hq !== database) await hq.close();
    }
  });

  it('reloads once another process changes a price, and keeps the new data until the next change', async () => {
    const hq = onPostgres ? await anotherProcess(database) : database;
    try {
      const before = await repricingDataFor(hq.db, f.chainId, f.storeIds.S002!);
      const product = f.catalog[0]!;
      await database.db.execute(sql`update prices set amount_minor = amount_minor + 100 where chain_id = ${f.chainId} and product_id = ${product.id} and store_id is null`);
      const after = await Promise.all([0, 1, 2].map(() => repricingDataFor(hq.db, f.chainId, f.storeIds.S002!)));
      expect(new Set(after).size).toBe(1);
      expect(after[0]).not.toBe(before);
      expect(after[0]!.seq).toBeGreaterThan(before.seq);
      expect(await repricingDataFor(hq.db, f.chainId, f.storeIds.S002!)).toBe(after[0]);
    } finally {
      if (hq !== database) await hq.close();
    }
  });

  it('compiles the chain once for all its stores, each store adding only its own prices', async () => {
    const product = f.catalog[1]!;
    const priceAt = (data: RepricingData, storeId: string) =>
      lineUnitPrice(data.book, { productId: product.id, storeId, memberLevelId: null, channel: 'retail', instant: f.clock().toISOString(), timeZone: 'Asia/Shanghai' }, { unitPriceMinor: minor(0), weightGrams: null });
    await database.db.insert(prices).values({ chainId: f.chainId, id: newId(f.deps.clock), productId: product.id, storeId: f.storeIds.S003!, kind: 'retail', amountMinor: minor(product.priceMinor - 50) });
    const [s003, s004] = await Promise.all([repricingDataFor(database.db, f.chainId, f.storeIds.S003!), repricingDataFor(database.db, f.chainId, f.storeIds.S004!)]);
    expect(s003.book.products).toBe(s004.book.products);
    expect(s003.promotions).toBe(s004.promotions);
    expect(s003.lineFacts).toBe(s004.lineFacts);
    expect(priceAt(s003, f.storeIds.S003!)).toMatchObject({ ok: true, unitPriceMinor: product.priceMinor - 50 });
    expect(priceAt(s004, f.storeIds.S004!)).toMatchObject({ ok: true, unitPriceMinor: product.priceMinor });
    expect(s003.seq).toBeGreaterThan(s004.seq);
  });
});
