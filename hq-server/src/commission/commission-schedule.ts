import { businessDate, periodOf, periodsToCompare } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { alwaysRun, type JobGate } from '../db/job-lock';
import type { Deps } from '../http/app-env';
import type { StoreInScope } from '../http/scope';
import { chains, stores } from '../org/org.tables';
import { workCommissionPeriod, type WorkOutcome } from './commission-periods.service';
import { cycleStartDay } from './commission-inputs';

export interface OpenPeriodRun extends WorkOutcome {
  readonly chainId: string;
  readonly period: string;
}

/**
 * Works out every chain's open commission periods (营业员提成预览): in each store the period today
 * falls in, and the one before until it is closed, since returns and late sales keep arriving.
 * Stores whose inputs have not changed are skipped, and closed periods are never touched.
 */
export async function workOpenPeriodsOfAllChains(deps: Pick<Deps, 'db' | 'clock'>): Promise<OpenPeriodRun[]> {
  const now = deps.clock();
  const runs: OpenPeriodRun[] = [];
  for (const { id: chainId } of await deps.db.select({ id: chains.id }).from(chains).orderBy(chains.id)) {
    const startDay = await cycleStartDay(deps.db, chainId);
    const chainStores: StoreInScope[] = await deps.db
      .select({ id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, timeZone: stores.timeZone, franchiseeId: stores.franchiseeId })
      .from(stores).where(eq(stores.chainId, chainId)).orderBy(stores.code);
    const byPeriod = new Map<string, StoreInScope[]>();
    for (const store of chainStores) {
      const current = periodOf(businessDate(now, store.timeZone), startDay).key;
      for (const key of [periodsToCompare(current).previous, current]) byPeriod.set(key, [...(byPeriod.get(key) ?? []), store]);
    }
    for (const [period, periodStores] of [...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1))) {
      runs.push({ chainId, period, ...(await workCommissionPeriod(deps, chainId, periodStores, period)) });
    }
  }
  return runs;
}

/**
 * Works the open periods out every `everyMs` (an hour by default) in an HQ process, and once at
 * start, so the office and the till's "my month" show figures at most that old; of several HQ
 * processes, only the one `mayRun` lets. A run still going makes the next one skip; a failed run is
 * logged and the next one tries again.
 */
export function startCommissionSchedule(
  deps: Pick<Deps, 'db' | 'clock'>, everyMs = 3_600_000, log: (line: string) => void = console.log, mayRun: JobGate = alwaysRun,
): { stop(): void; runOnce(): Promise<void> } {
  let running: Promise<void> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      try {
        if (!(await mayRun('commission-periods'))) return;
        const runs = await workOpenPeriodsOfAllChains(deps);
        const worked = runs.reduce((sum, r) => sum + r.worked, 0);
        if (worked > 0) log(`[hq] commission: worked out ${worked} store periods (${runs.map((r) => r.period).filter((p, i, all) => all.indexOf(p) === i).join(', ')})`);
      } catch (error) {
        log(`[hq] commission FAILED (will try again at the next run): ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
