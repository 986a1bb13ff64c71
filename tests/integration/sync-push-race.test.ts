import { createApp, type App } from '@pos/hq-server/app';
import { openDatabase } from '@pos/hq-server/db/client';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { PushResponse, type PairedDevice } from '@pos/shared';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeSale, pairTill, seedFixture, type Fixture } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;

async function push(app: App, documents: unknown[]) {
  const res = await app.request('/sync/push', json({ documents }, till.deviceToken));
  if (res.status !== 200) return { status: res.status, results: [] };
  return { status: res.status, results: PushResponse.parse(await res.json()).results };
}

/** Holds the sales table so that racing pushes queue up on it, then lets them all go at once. */
async function releasedTogether<T>(url: string, waiters: number, start: () => Promise<T>): Promise<T> {
  const gate = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const { running } = await gate.begin(async (tx) => {
      await tx`lock table sales in exclusive mode`;
      const pushes = { running: start() };
      for (let waiting = 0; waiting < waiters; await new Promise((r) => setTimeout(r, 20))) {
        await tx`select pg_stat_clear_snapshot()`;
        const [row] = await tx<{ waiting: number }[]>`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
        waiting = row!.waiting;
      }
      return pushes;
    });
    return await running;
  } finally {
    await gate.end();
  }
}

describe.skipIf(process.env.POS_TEST_DB !== 'postgres')('POST /sync/push racing itself on PostgreSQL', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    f = await seedFixture(database);
    till = await pairTill(f, 'S001');
  });
  afterAll(() => database.close());

  it('takes the same sales pushed at once in opposite orders exactly once, with no 500', async () => {
    // One HQ process per pusher, each with its own connections, as behind a load balancer.
    const hqs = await Promise.all([0, 1, 2].map(() => openDatabase({ url: database.url!, poolSize: 2 })));
    const apps = hqs.map((hq) => createApp({ ...f.deps, db: hq.db }));
    try {
      for (let round = 0; round < 3; round++) {
        const documents = Array.from({ length: 200 }, () => makeSale(f, till, '0012'));
        const orders = [documents, [...documents].reverse(), [...documents].sort(() => Math.random() - 0.5)];
        const answers = await releasedTogether(database.url!, 3, () => Promise.all(orders.map((order, i) => push(apps[i]!, order))));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
        const all = answers.flatMap((a) => a.results);
        expect(all.filter((r) => r.status === 'accepted').map((r) => r.id).sort()).toEqual(documents.map((d) => d.id).sort());
        expect(all.filter((r) => r.status === 'duplicate')).toHaveLength(400);
      }
    } finally {
      await Promise.all(hqs.map((hq) => hq.close()));
    }
    const [row] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(sales);
    expect(row!.n).toBe(600);
  });
});
