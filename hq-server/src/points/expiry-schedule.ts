import type { Db } from '../db/client';
import { alwaysRun, type JobGate } from '../db/job-lock';
import type { Clock } from '../ids';
import { expirePointsOfAllChains } from './expire-points';

/**
 * Runs the points expiry every hour in an HQ process (and once at start), when `mayRun` lets this
 * process run it (one of several on a database; `expirePoints` is safe even if two ran at once). A
 * run still going makes the next one skip; a failed run is logged and the next one tries again.
 */
export function startPointsExpirySchedule(db: Db, clock: Clock, log: (line: string) => void = console.log, mayRun: JobGate = alwaysRun): { stop(): void } {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      if (!(await mayRun('points-expiry'))) return;
      const runs = await expirePointsOfAllChains(db, clock);
      const lapsed = runs.reduce((sum, r) => sum + r.points, 0);
      if (lapsed > 0) log(`[hq] points expiry: ${lapsed} points lapsed in ${runs.reduce((sum, r) => sum + r.pools, 0)} pools`);
    } catch (error) {
      log(`[hq] points expiry FAILED (will try again in an hour): ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
