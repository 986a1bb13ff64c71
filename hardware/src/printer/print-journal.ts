import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { JobStatus } from '@pos/shared/bridge/index';
import { writeFileDurably } from '../state/durable-file';

const Entry = z.discriminatedUnion('op', [
  z.object({ op: z.literal('queued'), job: JobStatus, bytes: z.base64() }),
  z.object({ op: z.literal('state'), job: JobStatus }),
]);
type Entry = z.infer<typeof Entry>;
export type JournalEntry = Entry;

export interface RestoredJobs {
  /** Every job still known, oldest first. */
  jobs: JobStatus[];
  /** The jobs still to print, in the order they came, with their bytes. */
  pending: { status: JobStatus; bytes: Uint8Array }[];
}

/** Finished jobs kept so that a till resending one gets its state instead of a second print. */
const KEEP_FINISHED = 500;
/** Entries appended before the journal is rewritten with only what is still needed. */
const COMPACT_AFTER = 2000;

/**
 * One printer's jobs on disk, as an append-only journal of JSON lines, each flushed to disk
 * before `append` resolves: a job is acknowledged only once it would survive a crash. A job the
 * bridge had started sending when it stopped may be half printed, so it comes back as failed
 * (the till can reprint it) rather than being sent twice.
 */
export interface PrintJournal {
  restored: RestoredJobs;
  append(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

export async function openPrintJournal(file: string): Promise<PrintJournal> {
  await mkdir(dirname(file), { recursive: true });
  const restored = replay(await readEntries(file), { afterCrash: true });
  let live = new Map(entriesOf(restored).map((entry) => [entry.job.jobId, entry]));
  await writeFileDurably(file, linesOf(live.values()));
  let handle: FileHandle = await open(file, 'a', 0o600);
  let appended = 0;
  let chain: Promise<void> = Promise.resolve();

  async function write(entry: Entry): Promise<void> {
    await handle.write(`${JSON.stringify(entry)}\n`);
    await handle.datasync();
    appended += 1;
    if (appended < COMPACT_AFTER) return;
    live = new Map(entriesOf(replay([...live.values()], { afterCrash: false })).map((e) => [e.job.jobId, e]));
    await handle.close();
    await writeFileDurably(file, linesOf(live.values()));
    handle = await open(file, 'a', 0o600);
    appended = 0;
  }

  return {
    restored,
    append(entry) {
      const queued = live.get(entry.job.jobId);
      live.set(entry.job.jobId, entry.op === 'state' && queued?.op === 'queued' && !isFinished(entry.job) ? { ...queued, job: entry.job } : entry);
      const done = chain.then(() => write(entry));
      chain = done.catch(() => undefined);
      return done;
    },
    async close() {
      await chain;
      await handle.close();
    },
  };
}

const isFinished = (job: JobStatus) => job.state === 'printed' || job.state === 'failed';

async function readEntries(file: string): Promise<Entry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // A line cut short by a crash during its write is the only kind that fails to parse; it was never acknowledged.
  return text.split('\n').flatMap((line) => {
    const parsed = Entry.safeParse(parseJson(line));
    return parsed.success ? [parsed.data] : [];
  });
}

function replay(entries: readonly Entry[], options: { afterCrash: boolean }): RestoredJobs {
  const latest = new Map<string, JobStatus>();
  const bytes = new Map<string, string>();
  for (const entry of entries) {
    if (entry.op === 'queued') bytes.set(entry.job.jobId, entry.bytes);
    latest.set(entry.job.jobId, entry.job);
  }
  const jobs = [...latest.values()].map((job): JobStatus =>
    options.afterCrash && job.state === 'printing' ? { ...job, state: 'failed', error: 'the bridge stopped while printing this; it may be incomplete' } : job,
  );
  const finished = jobs.filter(isFinished).slice(-KEEP_FINISHED);
  const pending = jobs.filter((job) => !isFinished(job) && bytes.has(job.jobId));
  return {
    jobs: jobs.filter((job) => finished.includes(job) || pending.includes(job)),
    pending: pending.map((status) => ({ status, bytes: new Uint8Array(Buffer.from(bytes.get(status.jobId)!, 'base64')) })),
  };
}

/** The fewest entries that restore the same jobs: pending ones with their bytes, finished ones by state. */
function entriesOf(restored: RestoredJobs): Entry[] {
  const pending = new Map(restored.pending.map((p) => [p.status.jobId, Buffer.from(p.bytes).toString('base64')]));
  return restored.jobs.map((job): Entry => (pending.has(job.jobId) ? { op: 'queued', job, bytes: pending.get(job.jobId)! } : { op: 'state', job }));
}

const linesOf = (entries: Iterable<Entry>) => [...entries].map((entry) => `${JSON.stringify(entry)}\n`).join('');

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
