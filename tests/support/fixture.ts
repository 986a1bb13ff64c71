import { randomBytes } from 'node:crypto';
import { barcodes, prices, products } from '@pos/hq-server/catalog/catalog.tables';
import { createApp } from '@pos/hq-server/app';
import type { Deps } from '@pos/hq-server/http/app-env';
import { chains, clerks, stores, tillDevices } from '@pos/hq-server/org/org.tables';
import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { DEMO_CHAIN, DEMO_PASSWORD, DEMO_PIN } from '@pos/hq-server/seed/demo-org';
import { seedDemo } from '@pos/hq-server/seed/seed';
import { migrateDatabase } from '@pos/hq-server/db/migrate';
import type { Database } from '@pos/hq-server/db/client';
import { query } from '@pos/hq-server/db/query';
import { PairedDevice, uuidv7, type Sale } from '@pos/shared';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DatabaseRecipe } from './db-template';
import { createPostgresDatabase, createTestDatabase, pgliteTestDatabase, type TestDatabase } from './test-db';

export type App = ReturnType<typeof createApp>;

/** A clock tests can move. */
export function testClock(start = '2026-11-22T04:00:00Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => (now += ms), set: (iso: string) => (now = new Date(iso).getTime()) });
}

export interface Fixture {
  deps: Deps;
  clock: ReturnType<typeof testClock>;
  app: App;
  chainId: string;
  storeIds: Record<string, string>;
  catalog: { id: string; nameZh: string; nameEn: string; barcode: string; priceMinor: number }[];
  clerkIds: Record<string, string>;
}

const fixtureDeps = (database: Database, clock: ReturnType<typeof testClock>): Deps => ({ db: database.db, clock, config: { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 } });
const seedOptions = (productCount: number) => ({ products: productCount, historyDays: 0, pinIterations: 1000 });

/** The demo chain, small (300 products unless asked for more) and without history, seeded into the test database; `catalog` is what sells (the discontinued few left out). */
export async function seedFixture(database: TestDatabase, clock = testClock(), productCount = 300): Promise<Fixture> {
  const { chainId } = await seedDemo(fixtureDeps(database, clock), seedOptions(productCount));
  return fixtureOver(database, clock, chainId);
}

/**
 * A fresh database holding the demo chain as `seedFixture` makes it, and the fixture over it. The
 * chain is seeded once per run at `seededAt` (by default the clock's moment) and each file gets a
 * clone, seconds faster.
 */
export async function createSeededFixture(clock = testClock(), productCount = 300, seededAt = clock().toISOString()): Promise<{ database: TestDatabase; f: Fixture }> {
  const recipe: DatabaseRecipe = {
    key: `demo ${seededAt} ${productCount}`,
    build: async (database) => {
      await migrateDatabase(database);
      await seedDemo(fixtureDeps(database, testClock(seededAt)), seedOptions(productCount));
    },
  };
  const database = await createTestDatabase({ recipe });
  return { database, f: await demoFixtureIn(database, clock) };
}

/**
 * The demo chain with many products for a benchmark, in a clone of a kept template (on the
 * PostgreSQL server named by `serverUrl`, or in PGlite without one), and the fixture over it. The
 * template is made as a bulk load is: the GIN indexes (the text searches') are dropped while the
 * rows go in and built again after, in minutes rather than the many more that keeping each one up to
 * date row by row takes at 100,000 products, and the tables analysed.
 */
export async function createBenchFixture(productCount: number, serverUrl?: string): Promise<{ database: TestDatabase; f: Fixture }> {
  const clock = testClock();
  const recipe: DatabaseRecipe = {
    key: `bench ${productCount}`,
    build: async (database) => {
      await migrateDatabase(database);
      const gin = await query<{ name: string; definition: string }>(database.db, sql`select indexname as name, indexdef as definition from pg_indexes where schemaname = 'public' and indexdef like '% USING gin %'`);
      for (const index of gin) await database.db.execute(sql.raw(`drop index "${index.name}"`));
      await seedDemo(fixtureDeps(database, clock), seedOptions(productCount));
      for (const index of gin) await database.db.execute(sql.raw(index.definition));
      await database.db.execute(sql`analyze`);
    },
  };
  const database = serverUrl ? await createPostgresDatabase(serverUrl, { recipe }) : await pgliteTestDatabase(recipe);
  return { database, f: await demoFixtureIn(database, clock) };
}

/**
 * The seeded chain for a browser test: the till sells by the browser's clock and HQ takes no sale
 * dated more than a day ahead of its own, so the fixture's clock starts now; the seed is shared by
 * the run's browser tests, made at the start of this hour.
 */
export function createLiveFixture(productCount = 300): Promise<{ database: TestDatabase; f: Fixture }> {
  const thisHour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  return createSeededFixture(testClock(new Date().toISOString()), productCount, thisHour);
}

/** The fixture over a database that already holds the demo chain. */
export async function demoFixtureIn(database: Database, clock = testClock()): Promise<Fixture> {
  const [chain] = await database.db.select({ id: chains.id }).from(chains).where(eq(chains.code, DEMO_CHAIN.code));
  return fixtureOver(database, clock, chain!.id);
}

async function fixtureOver(database: Database, clock: ReturnType<typeof testClock>, chainId: string): Promise<Fixture> {
  const deps = fixtureDeps(database, clock);
  const storeRows = await database.db.select().from(stores).where(eq(stores.chainId, chainId));
  const clerkRows = await database.db.select().from(clerks).where(eq(clerks.chainId, chainId));
  const catalog = await database.db
    .select({ id: products.id, nameZh: products.nameZh, nameEn: products.nameEn, barcode: barcodes.code, priceMinor: prices.amountMinor })
    .from(products)
    .innerJoin(barcodes, and(eq(barcodes.chainId, products.chainId), eq(barcodes.productId, products.id)))
    .innerJoin(prices, and(eq(prices.chainId, products.chainId), eq(prices.productId, products.id), isNull(prices.storeId)))
    .where(and(eq(products.chainId, chainId), ne(products.status, 'discontinued')))
    .orderBy(products.sku);
  return {
    deps, clock, app: createApp(deps), chainId, catalog,
    storeIds: Object.fromEntries(storeRows.map((s) => [s.code, s.id])),
    clerkIds: Object.fromEntries(clerkRows.map((c) => [c.code, c.id])),
  };
}

export const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

export const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

/** Pairs the first till of a store through the API and returns what the till keeps. */
export async function pairTill(f: Fixture, storeCode: string, tillIndex = 0): Promise<PairedDevice> {
  const devices = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds[storeCode]!))).orderBy(tillDevices.code);
  const code = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await rearmPairingCode(f.deps, f.chainId, devices[tillIndex]!.id, code, 30);
  const res = await f.app.request('/devices/pair', json({ code }));
  if (res.status !== 200) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  return PairedDevice.parse(await res.json());
}

export async function signInOffice(f: Fixture, email: string): Promise<string> {
  const res = await f.app.request('/auth/office/sign-in', json({ email, password: DEMO_PASSWORD }));
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export { DEMO_PIN };

let receiptCounter = 0;

/** A valid cash sale of 1–`maxLines` catalog items on a paired till, as the till would make it. */
export function makeSale(f: Fixture, till: PairedDevice, cashierCode: string, options: { at?: Date; lines?: number } = {}): Sale {
  const at = options.at ?? f.deps.clock();
  const count = options.lines ?? 1 + Math.floor(Math.random() * 5);
  const lines = Array.from({ length: count }, (_, i) => {
    const item = f.catalog[Math.floor(Math.random() * f.catalog.length)]!;
    const quantity = 1 + Math.floor(Math.random() * 3);
    const gross = item.priceMinor * quantity;
    return {
      id: uuidv7(at.getTime(), randomBytes(10)), lineNo: i + 1, productId: item.id, barcode: item.barcode, nameZh: item.nameZh, nameEn: item.nameEn,
      quantity, unitPriceMinor: item.priceMinor, grossMinor: gross, discountMinor: 0, netMinor: gross, clerkId: null,
    };
  });
  const total = lines.reduce((n, l) => n + l.netMinor, 0);
  const tendered = Math.ceil(total / 10_000) * 10_000;
  return {
    kind: 'sale', id: uuidv7(at.getTime(), randomBytes(10)), storeId: till.store.id, deviceId: till.device.id, cashierId: f.clerkIds[cashierCode]!,
    receiptNo: `${till.device.code}-${++receiptCounter}`, currency: till.store.currency, startedAt: new Date(at.getTime() - 60_000).toISOString(),
    completedAt: at.toISOString(), lines,
    payments: [{ id: uuidv7(at.getTime(), randomBytes(10)), tender: 'cash', amountMinor: total, tenderedMinor: tendered, reference: null }],
    subtotalMinor: total, discountMinor: 0, totalMinor: total, roundingMinor: 0, changeMinor: tendered - total, approvals: [] as Sale['approvals'],
  } as Sale;
}
