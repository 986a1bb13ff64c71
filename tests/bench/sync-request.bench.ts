import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@pos/hq-server/app';
import type { Db } from '@pos/hq-server/db/client';
import * as schema from '@pos/hq-server/db/schema';
import { writeSales } from '@pos/hq-server/sales/write-sales';
import { businessDate, PullResponse, PushResponse, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, TILL_REPORT_HEADER, type TillReport } from '@pos/shared';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { changeHead, provisionChain } from './hq-scale/bench-chain';
import { summariseCpuProfiles } from './hq-scale/cpu-profile';
import { cpuSecondsOf } from './hq-scale/machine-probes';
import { tillSale } from './hq-scale/till-sale';
import { numberOption, percentile, round } from './stats';

const APPLICATION = 'pos-sync-request-bench';

/** A statement's shape, for counting: its words up to the first value, with runs of space folded. */
const shapeOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 110);

/**
 * Where one push of one sale and one pull of an up-to-date till spend their time: HQ run in this
 * process over its own routes (authentication, sync protocol, till report, ingest or pull, till
 * monitor), against PostgreSQL through a pool of `--pool` connections that counts each statement
 * sent. The requests go one at a time, so each one's time is its own: the statements it sends
 * (each a round trip), HQ's CPU for it and PostgreSQL's. `--tills 300 --tills-per-store 3 --rounds 3 --products 5000 --pool 10 [--profile]`;
 * with `--profile`, V8's CPU profile of each route's requests says where HQ's CPU went. Then the
 * sale write alone, in statements of 1, 2, 5 and 20 sales: what writing pushes together saves.
 */
export default async function syncRequestBench(args: string[]): Promise<Record<string, unknown>> {
  const tillCount = numberOption(args, 'tills', 300);
  const rounds = numberOption(args, 'rounds', 3);
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const chain = await provisionChain(serverUrl, { tills: tillCount, tillsPerStore: numberOption(args, 'tills-per-store', 3), products: numberOption(args, 'products', 5000) });
  let sent: string[] = [];
  const client = postgres(chain.database.url!, {
    max: numberOption(args, 'pool', 10), onnotice: () => {}, connection: { application_name: APPLICATION },
    debug: (_connection, text) => void sent.push(shapeOf(text)),
  });
  const deps = { db: drizzle(client, { schema }) as unknown as Db, clock: () => new Date(), config: { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 } };
  const app = createApp(deps);
  const cursor = await changeHead(chain.database);
  const report: TillReport = { waitingCount: 0, oldestWaitingAt: null, rejectedCount: 0, rejectedIds: [], appVersion: '1.0.0', cursor, lastError: null };
  const headers = (token: string) => ({
    authorization: `Bearer ${token}`, 'content-type': 'application/json', [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), [TILL_REPORT_HEADER]: JSON.stringify(report),
  });
  const requests = {
    push: async (till: (typeof chain.tills)[number], n: number) => {
      const sale = tillSale(till, chain.catalog, n, Date.now(), Math.random);
      const res = await app.request('/sync/push', { method: 'POST', headers: headers(till.token), body: JSON.stringify({ documents: [sale] }) });
      if (PushResponse.parse(await res.json()).results[0]?.status !== 'accepted') throw new Error('sync-request bench: a sale was not accepted');
    },
    pull: async (till: (typeof chain.tills)[number]) => {
      const res = await app.request(`/sync/pull?cursor=${cursor}&limit=1000`, { headers: headers(till.token) });
      if (PullResponse.parse(await res.json()).changes.length !== 0) throw new Error('sync-request bench: an up-to-date till was sent changes');
    },
  };

  const backendPids = async () => (await client<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${APPLICATION}`).map((r) => r.pid);
  type Route = keyof typeof requests;
  const measure = async (route: Route, warm: boolean) => {
    const latencies: number[] = [];
    const statements = new Map<string, number>();
    const pids = await backendPids();
    const pgBefore = pids.map((pid) => cpuSecondsOf(pid) ?? 0);
    const hqBefore = process.cpuUsage();
    let count = 0;
    for (let round = 0; round < (warm ? rounds : 1); round++) {
      for (const [i, till] of chain.tills.entries()) {
        sent = [];
        const at = performance.now();
        await (route === 'push' ? requests.push(till, round * chain.tills.length + i) : requests.pull(till));
        latencies.push(performance.now() - at);
        for (const shape of sent) statements.set(shape, (statements.get(shape) ?? 0) + 1);
        count++;
      }
    }
    const hq = process.cpuUsage(hqBefore);
    const pgSeconds = pids.reduce((sum, pid, i) => sum + (cpuSecondsOf(pid) ?? pgBefore[i]!) - pgBefore[i]!, 0);
    return {
      requests: count,
      latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), mean: round(latencies.reduce((a, b) => a + b, 0) / count) },
      cpuMsPerRequest: { hq: round((hq.user + hq.system) / 1000 / count), postgres: round((pgSeconds * 1000) / count) },
      statementsPerRequest: round([...statements.values()].reduce((a, b) => a + b, 0) / count),
      statements: [...statements].sort((a, b) => b[1] - a[1]).map(([statement, n]) => ({ perRequest: round(n / count), statement })),
    };
  };

  const profiled = async (route: Route) => {
    if (!args.includes('--profile')) return measure(route, true);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const figures = await measure(route, true);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const dir = mkdtempSync(join(tmpdir(), 'sync-request-profile-'));
    writeFileSync(join(dir, `${route}.cpuprofile`), JSON.stringify(profile));
    const summary = summariseCpuProfiles(dir, 30);
    rmSync(dir, { recursive: true, force: true });
    return { ...figures, cpuProfile: summary };
  };

  /**
   * The sale write alone (`writeSales`, as HQ runs it for a push or for pushes written together),
   * 600 sales in statements of `size` sales: PostgreSQL's CPU and the wall time per sale.
   */
  let written = 0;
  const statementOf = async (size: number) => {
    const sales = 600;
    const pids = await backendPids();
    const pgBefore = pids.map((pid) => cpuSecondsOf(pid) ?? 0);
    const at = performance.now();
    for (let i = 0; i < sales / size; i++) {
      const batch = Array.from({ length: size }, () => {
        const till = chain.tills[written % chain.tills.length]!;
        const sale = tillSale(till, chain.catalog, 1_000_000 + written++, Date.now(), Math.random);
        return { sale, businessDate: businessDate(sale.completedAt, 'Asia/Shanghai') };
      });
      if ((await writeSales(deps, chain.chainId, batch)).size !== size) throw new Error('sync-request bench: a written sale was not new');
    }
    const pgSeconds = pids.reduce((sum, pid, i) => sum + (cpuSecondsOf(pid) ?? pgBefore[i]!) - pgBefore[i]!, 0);
    return { salesPerStatement: size, postgresCpuMsPerSale: round((pgSeconds * 1000) / sales), wallMsPerSale: round((performance.now() - at) / sales) };
  };

  try {
    // Each till's first push, its store's first: HQ loads what it keeps of the chain and of each store.
    const firstPush = await measure('push', false);
    const push = await profiled('push');
    const pull = await profiled('pull');
    return {
      question: 'where the time of one push of one sale, and of one pull of an up-to-date till, goes: round trips, HQ CPU and PostgreSQL CPU; and what a sale write costs a sale in statements of 1, 2, 5 and 20 sales',
      path: 'HQ\'s app in this process (app.request), its routes and middleware as served, PostgreSQL through postgres.js; one request at a time',
      chain: { stores: chain.stores, tills: chain.tills.length, products: chain.catalog.length },
      firstPushOfEachTill: { ...firstPush, statements: firstPush.statements.slice(0, 8) },
      push,
      pull,
      saleWriteByStatementSize: [await statementOf(1), await statementOf(2), await statementOf(5), await statementOf(20)],
    };
  } finally {
    await client.end({ timeout: 5 });
    chain.database.skipLedgerProof();
    await chain.database.close();
  }
}
