import { sql } from 'drizzle-orm';
import type { Database, OwnConnection } from './client';
import { HQ_LOCKS } from './hq-locks';
import { query } from './query';

/** Whether this process may run the named scheduled job now. */
export type JobGate = (job: string) => Promise<boolean>;

/** A process alone on its database (PGlite, a test) runs every job. */
export const alwaysRun: JobGate = async () => true;

export interface JobLock {
  mayRun: JobGate;
  close(): Promise<void>;
}

/**
 * Scheduled jobs run once across HQ processes sharing a PostgreSQL database. The first process
 * whose timer fires takes the job's session advisory lock on a connection of its own and keeps it
 * while it lives, so it runs that job every time and every other process skips it; when that
 * process stops or its connection drops, the lock frees and the next process to try takes the job
 * over. Each check asks the server whether this session still holds the lock, so a connection
 * reopened behind the driver's back is noticed. Only a change of who runs a job is logged.
 */
export function openJobLock(database: Database, log: (line: string) => void): JobLock {
  const own = database.ownConnection();
  if (!own) return { mayRun: alwaysRun, close: async () => {} };
  const said = new Map<string, string>();
  const say = (job: string, line: string) => {
    if (said.get(job) !== line) log(line);
    said.set(job, line);
  };
  return {
    mayRun: async (job) => {
      try {
        const held = await holdOrTake(own, job);
        say(job, held ? `[hq] scheduled job ${job}: runs in this process` : `[hq] scheduled job ${job}: another HQ process runs it; skipped here`);
        return held;
      } catch (error) {
        say(job, `[hq] scheduled job ${job} FAILED to check its lock (skipped until the database answers): ${(error as Error).message}`);
        return false;
      }
    },
    close: () => own.close(),
  };
}

/** True when this session holds the job's lock already or takes it now; CASE keeps a held lock from being taken twice. */
async function holdOrTake(own: OwnConnection, job: string): Promise<boolean> {
  const [row] = await query<{ held: boolean }>(own.db, sql`
    select case
      when exists (
        select 1 from pg_locks
        where locktype = 'advisory' and pid = pg_backend_pid() and granted and objsubid = 2
          and classid = ${HQ_LOCKS.jobClassId}::oid and objid = hashtext(${job})::oid
      ) then true
      else pg_try_advisory_lock(${HQ_LOCKS.jobClassId}, hashtext(${job}))
    end as held`);
  return row?.held === true;
}
