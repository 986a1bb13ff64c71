import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@pos/hq-server/config';
import { formatLedgerReport, verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import postgres from 'postgres';
import buildHq from '../processes/build-hq';
import { provisionChain, type BenchChain } from './hq-scale/bench-chain';
import { summariseCpuProfiles } from './hq-scale/cpu-profile';
import { createHqConnection } from './hq-scale/http-client';
import { METRICS_TOKEN } from './hq-scale/hq-metrics';
import { settled, startHqProcesses } from './hq-scale/hq-processes';
import { signInOffice } from './hq-scale/office-user';
import { runStep, type StepResult } from './hq-scale/run-step';
import type { TillBehaviour } from './hq-scale/simulated-till';
import { openStatementStats, type StatementStats } from './hq-scale/statement-stats';
import { round, secondsSince } from './stats';

const listOption = (args: readonly string[], name: string, fallback: number[]) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : fallback;
};
const numberOf = (args: readonly string[], name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

/**
 * `--steps 300,600,900,1200,1500,2000,2500,3000,4000,5000,6000 --seconds 60 --warmup 20 --processes 1,2`
 * `--tills-per-store 3 --products 5000 --sale-every 20 --office-every 5 --drain 180 --sockets 1024`
 * `[--health] [--pull-after-sale] [--pool N] [--max-in-flight N] [--profile]`
 */
function options(args: string[]) {
  const value = (name: string, fallback: number) => numberOf(args, name, fallback);
  return {
    steps: listOption(args, 'steps', [300, 600, 900, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000]),
    processes: listOption(args, 'processes', [1, 2]),
    seconds: value('seconds', 60), warmup: value('warmup', 20), drain: value('drain', 180),
    tillsPerStore: value('tills-per-store', 3), products: value('products', 5000), saleEvery: value('sale-every', 20), officeEvery: value('office-every', 5),
    sockets: value('sockets', 1024),
    health: args.includes('--health'), pullAfterSale: args.includes('--pull-after-sale'), profile: args.includes('--profile'),
    pool: args.includes('--pool') ? value('pool', 10) : null, maxInFlight: args.includes('--max-in-flight') ? value('max-in-flight', 256) : null,
  };
}
type Options = ReturnType<typeof options>;

/**
 * How many tills one HQ box serves: the built HQ (`node hq-server/dist/main.js`, production mode)
 * run as one process and then as two on two ports, on one fresh PostgreSQL database, driven over
 * HTTP by simulated tills that sync as the till's worker does (each sale pushed at once, a pull
 * every 30–35 s, the worker's backoff and Retry-After) while an office user reads the sales
 * analysis every few seconds. The tills step up until a step is not served: push p99 at 1 s or
 * more, a sale missing or doubled at HQ, or more than 1% of requests failed or turned away.
 */
export default async function hqScaleBench(args: string[]): Promise<Record<string, unknown>> {
  const o = options(args);
  const loadAtStart = loadavg().map((l) => round(l));
  buildHq();
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const chain = await provisionChain(serverUrl, { tills: Math.max(...o.steps), tillsPerStore: o.tillsPerStore, products: o.products });
  console.log(`hq-scale: ${chain.stores} stores, ${chain.tills.length} tills, ${chain.catalog.length} products to sell (seeded in ${chain.seconds.seed} s, provisioned in ${chain.seconds.provision} s)`);
  const admin = postgres(chain.database.url!, { max: 1, onnotice: () => {} });
  try {
    const statements = await openStatementStats(admin);
    const [pg] = await admin<{ version: string; max_connections: string }[]>`select version(), current_setting('max_connections') as max_connections`;
    const env = hqEnv(chain, o);
    const series = [];
    for (const processes of o.processes) series.push(await runSeries(chain, admin, statements, env, processes, o));
    const ledgers = await verifyLedgers(chain.database.db);
    if (!ledgers.ok) console.error(`hq-scale: the ledgers disagree with their balances:\n${formatLedgerReport(ledgers).join('\n')}`);
    return {
      question: 'how many tills (and stores) one HQ box serves with push p99 under 1 s and nothing lost',
      path: 'the built HQ (node hq-server/dist/main.js, POS_MODE=production, its request log on) as OS processes on their own ports, one PostgreSQL database; tills over HTTP/1.1 keep-alive as the sync worker calls HQ',
      tills: tillsOf(o), office: { user: 'hq@demo.pos', question: 'GET /reports/sales-analysis (today by store, hour, tender; this month by category, top 200 products), in turn', everySeconds: o.officeEvery },
      hqSettings: hqSettingsOf(env),
      chain: { stores: chain.stores, tills: chain.tills.length, tillsPerStore: o.tillsPerStore, productsSold: chain.catalog.length, seedSeconds: chain.seconds.seed },
      machine: {
        cores: availableParallelism(), memoryGb: round(totalmem() / 2 ** 30, 1), loadAtStart, postgres: pg?.version.split(',')[0], maxConnections: Number(pg?.max_connections),
        note: 'HQ, PostgreSQL and this load generator share these cores (the generator\'s own CPU is given per step)',
      },
      criteria: { pushP99BelowMs: 1000, nothingLost: 'every sale made is in PostgreSQL exactly once after the outboxes drain', failedOrTurnedAwayAtMostPercent: 1, noSaleRejected: true },
      series,
      storesPerBox: storesPerBox(series, o.tillsPerStore),
      ledgersAgree: ledgers.ok,
    };
  } finally {
    await admin.end({ timeout: 5 });
    chain.database.skipLedgerProof();
    await chain.database.close();
  }
}

function tillsOf(o: Options) {
  return {
    saleEverySeconds: `${o.saleEvery} on average (exponential gaps), the first within the first ${o.saleEvery} s`, linesPerSale: '1–4 products, 1–3 of each, cash',
    afterEachSale: o.pullAfterSale ? 'the whole cycle: push, then pull (the worker before it pushed alone)' : 'push alone (the worker as it is)',
    idleCycle: 'push what waits, then pull page after page, every 30–35 s', healthCheckEachCycle: o.health,
    connectionsPerHqProcess: o.sockets, processOfTill: 'by store: store n to process n mod processes, as a balancer keeping a store\'s address on one process',
  };
}

function hqEnv(chain: BenchChain, o: Options): Record<string, string> {
  return {
    DATABASE_URL: chain.database.url!, STATIC_DIR: '/nonexistent', METRICS_TOKEN,
    ...(o.pool === null ? {} : { DATABASE_POOL_SIZE: String(o.pool) }),
    ...(o.maxInFlight === null ? {} : { MAX_REQUESTS_IN_FLIGHT: String(o.maxInFlight) }),
  };
}

/** The settings HQ runs with, as its own configuration reads the environment given (its defaults where none is). */
function hqSettingsOf(env: Record<string, string>): Record<string, unknown> {
  const config: Record<string, unknown> = { ...loadConfig({ ...env, POS_MODE: 'production' }) };
  return Object.fromEntries(['DATABASE_POOL_SIZE', 'MAX_REQUESTS_IN_FLIGHT', 'LOG_REQUESTS', 'LOG_FORMAT'].filter((k) => k in config).map((k) => [k, config[k]]));
}

async function runSeries(chain: BenchChain, admin: postgres.Sql, statements: StatementStats | null, env: Record<string, string>, processes: number, o: Options) {
  const started = performance.now();
  const profileDir = o.profile ? mkdtempSync(join(tmpdir(), 'hq-scale-profile-')) : null;
  const hqs = await startHqProcesses(processes, env, profileDir);
  const startupSeconds = await settled(hqs, 300);
  console.log(`hq-scale: ${processes} HQ process(es) listening, busy with their start for ${startupSeconds ?? 'more than 300'} s`);
  const connections = hqs.map((hq) => createHqConnection(hq.url, o.sockets));
  const behaviour: TillBehaviour = { health: o.health, pullAfterSale: o.pullAfterSale, meanSaleSeconds: o.saleEvery, appVersion: tillAppVersion() };
  const steps: StepResult[] = [];
  try {
    const officeToken = await signInOffice(connections[0]!);
    const databaseName = new URL(chain.database.url!).pathname.slice(1);
    const openedStores = new Set<string>();
    const timing = { warmupSeconds: o.warmup, seconds: o.seconds, drainSeconds: o.drain, officeEverySeconds: o.officeEvery };
    for (const tills of o.steps) {
      const step = await runStep({ chain, hqs, connections, admin, databaseName, officeToken, behaviour, timing, statements, tillsPerStore: o.tillsPerStore, openedStores }, tills);
      steps.push(step);
      console.log(stepLine(processes, step));
      if (!step.served) break;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  } finally {
    connections.forEach((c) => c.close());
    const exits = await Promise.all(hqs.map((hq) => hq.stop()));
    if (exits.some((code) => code !== 0)) console.error(`hq-scale: HQ exited with ${exits.join(', ')}:\n${hqs.map((hq) => hq.tail()).join('\n')}`);
  }
  const profile = profileDir ? summariseCpuProfiles(profileDir) : null;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  return { processes, seconds: secondsSince(started), hqBusyAfterStartSeconds: startupSeconds, steps, ...(profile ? { cpuProfile: profile } : {}) };
}

/** The version the till reports (its package.json's), read as the till's build reads it. */
function tillAppVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../pos-client/package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function stepLine(processes: number, s: StepResult): string {
  const m = s.measured;
  const opened = s.storesOpened.stores ? `opened ${s.storesOpened.stores} stores (HQ ${s.storesOpened.hqCpuMsPerStore} ms CPU, ${s.storesOpened.hqRssMbPerStore} MB each), ` : '';
  return `${processes} process(es), ${s.tills} tills: ${opened}${m.sales.takenPerSecond} sales/s, ${m.requests.perSecond} req/s, push p50/p99 ${m.latencyMs.push?.p50}/${m.latencyMs.push?.p99} ms, `
    + `pull p99 ${m.latencyMs.pull?.p99} ms, report p99 ${m.latencyMs.report?.p99} ms, shed ${m.shed.total}, errors ${m.errors.total}, `
    + `HQ CPU ${s.hq.map((h) => h.cpuCores).join('+')} cores, PG ${s.postgres.cpuCores}, generator ${s.generator.cpuCores}, machine ${s.machine.busyPercent}% busy; `
    + `${s.verified.exactlyOnce ? 'every sale at HQ once' : 'SALES MISSING OR DOUBLED'}${s.served ? '' : ` — not served: ${s.notServedBecause.join('; ')}`}`;
}

/** The most tills a series served, and the stores that makes at `tillsPerStore` tills a store. */
function storesPerBox(series: { processes: number; steps: StepResult[] }[], tillsPerStore: number) {
  return {
    tillsPerStore,
    byProcesses: series.map(({ processes, steps }) => {
      const served = steps.filter((s) => s.served).map((s) => s.tills);
      const best = served.length ? Math.max(...served) : 0;
      const firstFailed = steps.find((s) => !s.served)?.tills ?? null;
      return { processes, tillsServed: best, stores: Math.floor(best / tillsPerStore), firstStepNotServed: firstFailed, note: firstFailed === null ? 'every step was served: the box may serve more' : `between ${best} and ${firstFailed} tills` };
    }),
  };
}
