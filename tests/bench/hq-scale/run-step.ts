import { monitorEventLoopDelay } from 'node:perf_hooks';
import type postgres from 'postgres';
import { round } from '../stats';
import { sampleActiveStatements } from './active-statements';
import { changeHead, countSales, type BenchChain } from './bench-chain';
import type { HqConnection } from './http-client';
import { startHqMetrics } from './hq-metrics';
import type { RunningHq } from './hq-processes';
import { startProbes } from './machine-probes';
import { startOfficeUser } from './office-user';
import { openStores } from './open-stores';
import { Recorder } from './recorder';
import { SimulatedTill, type TillBehaviour, type TillWorld } from './simulated-till';
import type { StatementStats } from './statement-stats';

export interface StepTiming {
  warmupSeconds: number;
  seconds: number;
  drainSeconds: number;
  officeEverySeconds: number;
}

/** What one series' steps share: the chain, the HQ processes and connections to them, how tills behave, the stores already opened. */
export interface Series {
  chain: BenchChain;
  hqs: RunningHq[];
  connections: HqConnection[];
  admin: postgres.Sql;
  databaseName: string;
  officeToken: string;
  behaviour: TillBehaviour;
  timing: StepTiming;
  statements: StatementStats | null;
  tillsPerStore: number;
  openedStores: Set<string>;
}

const PUSH_P99_LIMIT_MS = 1000;
const FAILED_SHARE_LIMIT = 0.01;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const exitedOf = (hqs: readonly RunningHq[]) => hqs.flatMap((hq, i) => (hq.exitCode() === null ? [] : [{ process: i + 1, exitCode: hq.exitCode(), lastLines: hq.tail().slice(-3000) }]));

/**
 * One step: the stores new to the series open (their first sale each, `openStores`), then
 * `tills` tills sell and sync for the warm-up and the measured seconds, the office user reading
 * reports throughout; then selling stops, every outbox is emptied and PostgreSQL is asked
 * whether each sale made is there exactly once.
 */
export async function runStep(series: Series, tills: number) {
  const { chain, timing } = series;
  const recorder = new Recorder();
  const made = { ids: [] as string[], lines: 0 };
  const before = await countSales(chain.database, chain.chainId, []);
  const world: TillWorld = { connections: series.connections, recorder, catalog: chain.catalog, behaviour: series.behaviour, made, random: Math.random };
  const cursor = await changeHead(chain.database);
  const running = chain.tills.slice(0, tills).map((identity) => new SimulatedTill(identity, world, cursor));
  const seen = new Set<string>();
  const newStores = running.filter(({ identity: { storeId } }) => !series.openedStores.has(storeId) && !seen.has(storeId) && Boolean(seen.add(storeId)));
  const opening = await openStores(newStores, series.hqs);
  newStores.forEach((till) => series.openedStores.add(till.identity.storeId));

  recorder.phase = 'warmup';
  for (const till of running) till.start(Math.random() * 35_000, Math.random() * series.behaviour.meanSaleSeconds * 1000);
  const office = startOfficeUser(series.connections, series.officeToken, recorder, timing.officeEverySeconds);
  await sleep(timing.warmupSeconds * 1000);

  recorder.phase = 'measure';
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  await series.statements?.reset();
  const hqMetrics = await startHqMetrics(series.connections);
  const probes = startProbes(series.hqs.map((hq) => hq.pid), series.admin, series.databaseName);
  const activeStatements = sampleActiveStatements(series.admin, series.databaseName);
  const measuring = performance.now();
  await sleep(timing.seconds * 1000);
  const resources = probes.finish();
  const measuredSeconds = (performance.now() - measuring) / 1000;
  loopDelay.disable();
  const runtime = await hqMetrics.finish(measuredSeconds);
  const statements = await series.statements?.top(15);
  const postgresActiveStatements = await activeStatements.finish();

  recorder.phase = 'drain';
  office.stop();
  running.forEach((till) => till.stopSelling());
  const drained = await drain(running, timing.drainSeconds, series.hqs);
  running.forEach((till) => till.stop());
  for (const until = Date.now() + 70_000; running.some((till) => till.busy) && Date.now() < until;) await sleep(200);

  const after = await countSales(chain.database, chain.chainId, made.ids);
  const headAtEnd = await changeHead(chain.database);
  const verified = {
    salesMade: made.ids.length, linesMade: made.lines, foundOfThem: after.found, newSalesRows: after.sales - before.sales, newLineRows: after.lines - before.lines,
    leftWaiting: drained.left, exactlyOnce: after.found === made.ids.length && after.sales - before.sales === made.ids.length && after.lines - before.lines === made.lines,
  };
  const measured = recorder.summary('measure', measuredSeconds);
  const warmup = recorder.summary('warmup', timing.warmupSeconds);
  const exited = exitedOf(series.hqs);
  const pushP99 = measured.latencyMs.push?.p99 ?? Infinity;
  const why = [
    ...(exited.length ? [`HQ process ${exited.map((e) => `${e.process} exited (${e.exitCode})`).join(', ')}`] : []),
    ...(pushP99 >= PUSH_P99_LIMIT_MS ? [`push p99 ${pushP99} ms ≥ ${PUSH_P99_LIMIT_MS} ms`] : []),
    ...(verified.exactlyOnce && drained.left === 0 ? [] : [`sales not all at HQ exactly once (${verified.foundOfThem} of ${verified.salesMade}, ${drained.left} still waiting)`]),
    ...(measured.failedShare > FAILED_SHARE_LIMIT ? [`${round(measured.failedShare * 100, 2)}% of requests failed or were turned away`] : []),
    ...(measured.sales.rejected + opening.notTaken > 0 ? [`${measured.sales.rejected + opening.notTaken} sales rejected or not taken`] : []),
  ];
  return {
    tills, stores: Math.ceil(tills / series.tillsPerStore), served: why.length === 0, notServedBecause: why,
    offered: { salesPerSecond: round(tills / series.behaviour.meanSaleSeconds, 1), idlePullsPerSecond: round(tills / 32.5, 1) },
    measured, hq: resources.hq.map((figures, i) => ({ ...figures, ...runtime[i] })), postgres: resources.postgres, machine: resources.machine,
    cpuMsPerRequest: {
      hq: round((1000 * resources.hq.reduce((n, h) => n + h.cpuCores, 0)) / Math.max(measured.requests.perSecond, 0.1), 2),
      postgres: round((1000 * resources.postgres.cpuCores) / Math.max(measured.requests.perSecond, 0.1), 2),
    },
    generator: { ...resources.generator, eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6, 1), eventLoopDelayMaxMs: round(loopDelay.max / 1e6, 1) },
    storesOpened: { ...opening, pushLatencyMs: recorder.summary('prime', Math.max(opening.seconds, 0.1)).latencyMs.push },
    warmup: { seconds: warmup.seconds, pushLatencyMs: warmup.latencyMs.push, shed: warmup.shed, errors: warmup.errors, sales: warmup.sales },
    drain: { ...drained, ...recorder.summary('drain', Math.max(drained.seconds, 0.1)).errors },
    verified,
    /** Any price, product or other synced row written moves this, and every store's compiled prices at HQ are then compiled again. */
    changeSequence: { atStart: cursor, atEnd: headAtEnd },
    ...(exited.length ? { hqExited: exited } : {}),
    postgresActiveStatements,
    ...(statements ? { postgresStatements: statements } : {}),
  };
}

/** Waits until every outbox is empty, nudging the tills that still hold sales every 5 s as their next sale would; gives up after `seconds`, or at once when an HQ process has ended. */
async function drain(tills: readonly SimulatedTill[], seconds: number, hqs: readonly RunningHq[]): Promise<{ seconds: number; left: number }> {
  const started = performance.now();
  for (let tick = 0; ; tick++) {
    const left = tills.reduce((n, till) => n + till.waiting, 0);
    const elapsed = (performance.now() - started) / 1000;
    if (left === 0 || elapsed > seconds || exitedOf(hqs).length > 0) return { seconds: round(elapsed, 1), left };
    if (tick > 0 && tick % 25 === 0) tills.forEach((till) => till.nudge());
    await sleep(200);
  }
}

export type StepResult = Awaited<ReturnType<typeof runStep>>;
