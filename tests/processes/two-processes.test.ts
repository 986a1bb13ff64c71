import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { knownMigrations } from '@pos/hq-server/db/migrate';
import { query } from '@pos/hq-server/db/query';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { PairedDevice, PushResponse, type PushResult, type Sale } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSale, seedFixture, testClock, type Fixture } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { startBuiltHq, waitFor, type HqProcess } from './hq-process';

const METRICS_TOKEN = 'two-processes-metrics-token';
const JOBS = ['points-expiry', 'commission-periods', 'member-messages', 'chain-roll-up'];

let database: TestDatabase;
let hqs: HqProcess[] = [];
let urls: string[] = [];

const post = (url: string, path: string, body: unknown, token?: string) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

/** Pairs a store's first till through one HQ process, as a till would. */
async function pairThrough(url: string, f: Fixture, storeCode: string): Promise<PairedDevice> {
  const [device] = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds[storeCode]!))).orderBy(tillDevices.code);
  const code = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await rearmPairingCode(f.deps, f.chainId, device!.id, code, 30);
  const res = await post(url, '/devices/pair', { code });
  expect(res.status).toBe(200);
  return PairedDevice.parse(await res.json());
}

async function push(url: string, till: PairedDevice, documents: Sale[]): Promise<PushResult[]> {
  const res = await post(url, '/sync/push', { documents }, till.deviceToken);
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

/** What a process said about who runs a job: `runs`, `skips`, or nothing yet. */
function jobStance(hq: HqProcess, job: string): 'runs' | 'skips' | null {
  const said = hq.logs.map((l) => String(l.msg)).filter((msg) => msg.startsWith(`scheduled job ${job}:`));
  if (said.some((msg) => msg.endsWith('runs in this process'))) return 'runs';
  return said.some((msg) => msg.endsWith('skipped here')) ? 'skips' : null;
}

const sample = (text: string, series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);

describe.runIf(process.env.POS_TEST_DB === 'postgres')('two HQ processes on one fresh PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    const env = { POS_MODE: 'production', DATABASE_URL: database.url!, METRICS_TOKEN, STATIC_DIR: '/nonexistent' };
    hqs = [startBuiltHq(env), startBuiltHq(env)];
    urls = await Promise.all(hqs.map((hq) => hq.listening));
  });
  afterAll(async () => {
    await Promise.all(hqs.map((hq) => hq.stop()));
    await database?.close();
  });

  it('migrates it once though both start at the same moment, and both are ready', async () => {
    const [row] = await query<{ applied: number }>(database.db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    expect(row!.applied).toBe(knownMigrations().length);
    for (const url of urls) expect((await fetch(`${url}/ready`)).status).toBe(200);
  });

  it('runs each scheduled job in one process only, the other skipping it', async () => {
    for (const job of JOBS) {
      await waitFor(`both processes' word on ${job}`, () => hqs.every((hq) => jobStance(hq, job) !== null));
      expect(hqs.map((hq) => jobStance(hq, job)).sort()).toEqual(['runs', 'skips']);
    }
  });

  it('takes sales pushed through both at once exactly once, and counts them in the roll-up once', async () => {
    const f = await seedFixture(database, testClock(new Date().toISOString()));
    const tills = [await pairThrough(urls[0]!, f, 'S001'), await pairThrough(urls[1]!, f, 'S002')];
    const sales = tills.map((till) => Array.from({ length: 40 }, () => makeSale(f, till, till.store.code === 'S001' ? '0012' : '0022')));
    // Each batch goes to both processes at the same moment, as a till retrying through the balancer would send it.
    const answers = await Promise.all(sales.flatMap((ofTill, t) => [0, 1, 2, 3].flatMap((batch) => {
      const documents = ofTill.slice(batch * 10, batch * 10 + 10);
      return urls.map((url) => push(url, tills[t]!, documents));
    })));
    const byId = new Map<string, string[]>();
    for (const result of answers.flat()) byId.set(result.id!, [...(byId.get(result.id!) ?? []), result.status].sort());
    expect(byId.size).toBe(80);
    expect([...byId.values()].every((statuses) => statuses.join() === 'accepted,duplicate')).toBe(true);

    const ids = sales.flat().map((s) => s.id);
    const [stored] = await query<{ sales: number; lines: number }>(database.db, sql`
      select count(distinct s.id)::int as sales, (select count(*)::int from sale_lines l where l.chain_id = ${f.chainId} and l.sale_id = any(${`{${ids.join(',')}}`}::uuid[])) as lines
      from sales s where s.chain_id = ${f.chainId} and s.id = any(${`{${ids.join(',')}}`}::uuid[])`);
    expect(stored).toEqual({ sales: 80, lines: sales.flat().reduce((n, s) => n + s.lines.length, 0) });
    const days = await query<{ store_id: string; tickets: number; sales_minor: string }>(database.db, sql`select store_id, sum(tickets)::int as tickets, sum(sales_minor)::text as sales_minor from store_day_sales where chain_id = ${f.chainId} group by store_id`);
    for (const [t, till] of tills.entries()) {
      const day = days.find((d) => d.store_id === till.store.id)!;
      expect([day.tickets, Number(day.sales_minor)]).toEqual([40, sales[t]!.reduce((n, s) => n + s.totalMinor, 0)]);
    }

    const scraped = await Promise.all(urls.map(async (url) => (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text()));
    const summed = (status: string) => scraped.reduce((n, text) => n + sample(text, `hq_pushed_documents_total{kind="sale",status="${status}"}`), 0);
    expect([summed('accepted'), summed('duplicate'), summed('rejected')]).toEqual([80, 80, 0]);
  });

  it('logs each request as one JSON line with the caller, and stops cleanly', async () => {
    const pushes = hqs.flatMap((hq) => hq.logs.filter((l) => l.msg === 'request' && l.route === '/sync/push'));
    expect(pushes.length).toBe(16);
    expect(pushes.every((l) => l.status === 200 && l.principal === 'device' && typeof l.chainId === 'string' && typeof l.durationMs === 'number' && typeof l.requestId === 'string')).toBe(true);
    expect(await Promise.all(hqs.map((hq) => hq.stop()))).toEqual([0, 0]);
  });
});
