import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../ids';
import type { JobGate } from './job-lock';
import { backupFileName, isBackupFileName } from './backup-format';

export interface BackupScheduleOptions {
  dir: string;
  everyMs: number;
  /** How many backup files to keep in `dir`; older ones are deleted after each new one is written. */
  keep: number;
  clock: Clock;
  /** Writes one backup to the file named. */
  backUp: (file: string) => Promise<unknown>;
  /** Calls `run` every `ms`; answers a function that stops it. */
  repeat?: (run: () => void, ms: number) => () => void;
  log?: (line: string) => void;
  /** Whether this process makes the backup (one of several HQ processes on a database); absent, it always does. */
  mayRun?: JobGate;
}

export interface BackupSchedule {
  /** One backup now, then the old ones pruned; resolves when done (a failure is logged, never thrown). */
  runOnce(): Promise<void>;
  stop(): void;
}

const repeatWithTimer = (run: () => void, ms: number) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** Deletes all but the newest `keep` backup files in `dir` (the names sort by time); other files are left alone. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const files = (await readdir(dir)).filter(isBackupFileName).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const name of old) await rm(join(dir, name), { force: true });
  return old;
}

/**
 * Backs the database up into `dir` every `everyMs`, keeping the newest `keep` files. A run that
 * is still going when the next is due makes that one skip; a failed run is logged and the next
 * one tries again, so HQ keeps serving whatever happens to the backup disk.
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const { dir, keep, clock, backUp, log = console.log } = options;
  let running: Promise<void> | null = null;
  const runOnce = () => {
    if (running) {
      log('[hq] backup: the previous backup is still running; skipping this one');
      return running;
    }
    running = (async () => {
      try {
        if (options.mayRun && !(await options.mayRun('backups'))) return;
        await mkdir(dir, { recursive: true });
        const file = join(dir, backupFileName(clock()));
        await backUp(file);
        const pruned = await pruneBackups(dir, keep);
        log(`[hq] backup written to ${file}${pruned.length ? `; ${pruned.length} older removed` : ''}`);
      } catch (error) {
        log(`[hq] backup FAILED (will try again at the next one): ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const stop = (options.repeat ?? repeatWithTimer)(() => void runOnce(), options.everyMs);
  return { runOnce, stop };
}
