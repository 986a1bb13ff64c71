import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createApp } from '@pos/hq-server/app';
import { readMigrationLevel, tablesInLoadOrder } from '@pos/hq-server/db/backup-catalog';
import { BackupError } from '@pos/hq-server/db/backup-format';
import { restoreBackup } from '@pos/hq-server/db/backup-restore';
import { writeBackup } from '@pos/hq-server/db/backup-write';
import type { Db } from '@pos/hq-server/db/client';
import { migrateDatabase } from '@pos/hq-server/db/migrate';
import { query } from '@pos/hq-server/db/query';
import { PullResponse, PushResponse, type PairedDevice } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, makeSale, pairTill, seedFixture, signInOffice, type App, type Fixture } from '../support/fixture';
import { createPromotion, every, ruleOf } from '../support/pricing-setup';
import { createPostgresDatabase, createTestDatabase, pgliteTestDatabase, type TestDatabase } from '../support/test-db';

const opened: TestDatabase[] = [];
let source: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let cursorBeforeBackup: number;
let dir: string;
let file: string;

async function open(options?: { migrated: boolean }): Promise<TestDatabase> {
  const database = await createTestDatabase(options);
  opened.push(database);
  return database;
}

/** Every table's rows as text (timestamps in UTC), sorted: two databases hold the same data when these are equal. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables: Record<string, string[]> = {};
    for (const { name } of await tablesInLoadOrder(tx)) {
      const rows = await query<{ line: string }>(tx, sql`select row_to_json(t)::text as line from ${sql.identifier(name)} t`);
      tables[name] = rows.map((r) => r.line).sort();
    }
    return tables;
  });
}

/** Every change after the cursor, page by page, and the cursor to go on from. */
async function pull(app: App, from: number) {
  const changes: PullResponse['changes'] = [];
  for (let cursor = from; ;) {
    const res = await app.request(`/sync/pull?cursor=${cursor}&limit=500`, bearer(till.deviceToken));
    expect(res.status).toBe(200);
    const page = PullResponse.parse(await res.json());
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** A store chain with history: the fixture, a promotion, and a dozen sales pushed by a till. */
async function chainWithSales(database: TestDatabase): Promise<Fixture> {
  const fixture = await seedFixture(database);
  till = await pairTill(fixture, 'S001');
  const hq = await signInOffice(fixture, 'hq@demo.pos');
  await createPromotion(fixture, hq, ruleOf('spend_threshold_off', '满100减10', { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false }));
  const res = await fixture.app.request('/sync/push', json({ documents: Array.from({ length: 12 }, () => makeSale(fixture, till, '0012')) }, till.deviceToken));
  expect(PushResponse.parse(await res.json()).results.map((r) => r.status)).toEqual(Array(12).fill('accepted'));
  return fixture;
}

beforeAll(async () => {
  source = await open();
  f = await chainWithSales(source);
  cursorBeforeBackup = (await pull(f.app, 0)).cursor;
  dir = await mkdtemp(join(tmpdir(), 'pos-backup-test-'));
  file = join(dir, 'hq.pos-backup.gz');
  await writeBackup(source, file, f.deps.clock);
});
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('restores every row of every table into an empty database, and change numbers go on after them', async () => {
    const target = await open({ migrated: false });
    const summary = await restoreBackup(target, file);
    const restored = await contents(target.db);
    expect(restored).toEqual(await contents(source.db));
    expect(summary.rows).toBe(Object.values(restored).reduce((n, rows) => n + rows.length, 0));
    for (const table of ['sales', 'sale_lines', 'sale_payments', 'members', 'prices', 'promotions', 'stock_levels']) expect(restored[table]!.length, table).toBeGreaterThan(0);
    expect(restored.sales).toHaveLength(12);

    await migrateDatabase(target);
    const app = createApp({ ...f.deps, db: target.db });
    expect((await pull(app, cursorBeforeBackup)).changes, 'nothing new since the till last pulled').toEqual([]);
    const [highest] = await query<{ seq: string }>(target.db, sql`
      select greatest((select max(change_seq) from products), (select max(change_seq) from prices), (select max(change_seq) from promotions),
        (select max(change_seq) from clerks), (select max(change_seq) from stores))::text as seq`);
    expect(Number(highest!.seq)).toBeLessThanOrEqual(cursorBeforeBackup);
    const [changed] = await query<{ id: string; seq: string }>(target.db, sql`
      update products set name_en = name_en || ' (renamed)' where id = ${f.catalog[0]!.id} returning id, change_seq::text as seq`);
    expect(Number(changed!.seq)).toBeGreaterThan(Number(highest!.seq));
    const after = await pull(app, cursorBeforeBackup);
    expect(after.changes.map((c) => [c.entity, c.seq])).toEqual([['product', Number(changed!.seq)]]);
  });

  it('restores into a new database HQ has already started on, replacing the rows its migrations wrote with the backup’s', async () => {
    const started = await open();
    expect((await contents(started.db)).roll_up_fills, 'migrations 0041 and 0042 write these rows themselves').toHaveLength(2);
    await restoreBackup(started, file);
    expect(await contents(started.db)).toEqual(await contents(source.db));
  });

  it('refuses to restore into a database that has rows, and changes nothing there', async () => {
    const before = await contents(source.db);
    const attempt = restoreBackup(source, file);
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(/empty database only/);
    expect(await contents(source.db)).toEqual(before);
  });

  it('refuses a truncated, damaged or tampered file with a clear error, and changes nothing', async () => {
    const bytes = await readFile(file);
    const text = gunzipSync(bytes).toString('utf8');
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(bytes.length / 2)]! ^= 0xff;
    const tampered = text.replace(/"total_minor":(\d)/, (_, digit: string) => `"total_minor":${(Number(digit) + 1) % 10}`);
    expect(tampered).not.toBe(text);
    const cases = {
      truncated: [bytes.subarray(0, Math.floor(bytes.length * 0.6)), /incomplete|damaged/],
      'cut at a line': [gzipSync(text.slice(0, text.lastIndexOf('\n', text.length / 2) + 1)), /incomplete/],
      damaged: [damaged, /damaged/],
      tampered: [gzipSync(tampered), /checksum does not match/],
      'not a backup': [gzipSync('{"hello":"world"}\n'), /not a POS HQ backup/],
    } as const;
    const target = await open({ migrated: false });
    for (const [name, [content, message]] of Object.entries(cases)) {
      const bad = join(dir, `${name}.pos-backup.gz`);
      await writeFile(bad, content);
      await expect(restoreBackup(target, bad), name).rejects.toThrow(message);
      expect(await readMigrationLevel(target.db), `${name}: not even migrated`).toEqual({ applied: 0, lastHash: null });
      expect(await tablesInLoadOrder(target.db), name).toEqual([]);
    }
  });

  it('restores an older backup at its own migration level, and refuses a database migrated past it', async () => {
    const older = await open({ migrated: false });
    await migrateDatabase(older, 3);
    await older.db.execute(sql`insert into chains (id, code, name, currency, time_zone, created_at)
      values ('01900000-0000-7000-8000-000000000001', 'OLD', 'Old chain', 'CNY', 'Asia/Shanghai', now())`);
    const olderFile = join(dir, 'older.pos-backup.gz');
    await writeBackup(older, olderFile, f.deps.clock);

    const target = await open({ migrated: false });
    expect(await restoreBackup(target, olderFile)).toMatchObject({ migrations: 3, rows: 1 });
    expect((await readMigrationLevel(target.db)).applied).toBe(3);
    expect(await contents(target.db)).toEqual(await contents(older.db));

    const newer = await open();
    await expect(restoreBackup(newer, olderFile)).rejects.toThrow(/migrated past the backup/);
    expect(await readMigrationLevel(newer.db)).toEqual(await readMigrationLevel(source.db));
  });

  it.runIf(process.env.POS_TEST_DB === 'postgres' && process.env.DATABASE_URL)('restores a PGlite backup into PostgreSQL', async () => {
    const small = await pgliteTestDatabase();
    opened.push(small);
    await chainWithSales(small);
    const fromPglite = join(dir, 'from-pglite.pos-backup.gz');
    await writeBackup(small, fromPglite, f.deps.clock);
    const target = await createPostgresDatabase(process.env.DATABASE_URL!, { migrated: false });
    opened.push(target);
    await restoreBackup(target, fromPglite);
    expect(await contents(target.db)).toEqual(await contents(small.db));
  });
});
