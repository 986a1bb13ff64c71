import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { JobStatus } from '@pos/shared/bridge/index';
import { ReceiptModel } from '@pos/shared/receipt/index';
import { writeFileDurably } from '../state/durable-file';

/**
 * What a job prints: the laid-out receipt and whether it opens the drawer. The bytes are made
 * from it each time it is sent, so a job sent again can say it is a reprint and leave the drawer shut.
 */
export const PrintContent = z.object({ model: ReceiptModel, openDrawer: z.boolean() });
export type PrintContent = z.infer<typeof PrintContent>;

/** A job journalled before jobs kept their receipt (its bytes only): printed as it is, never marked as a reprint. */
export interface RawContent {
  bytes: Uint8Array;
}
export type JobContent = PrintContent | RawContent;

const Entry = z.union([
  z.object({ op: z.literal('queued'), job: JobStatus, content: PrintContent }),
  z.object({ op: z.literal('queued'), job: JobStatus, bytes: z.base64() }),
  z.object({ op: z.literal('state'), job: JobStatus }),
]);
type Entry = z.infer<typeof Entry>;
export type JournalEntry = Entry;

export interface RestoredJobs {
  /** Every job still known, oldest first. */
  jobs: JobStatus[];
  /** The jobs still to print, in the order they came, with what they print. */
  pending: { status: JobStatus; content: JobContent }[];
}

/** Finished jobs kept so that a till resending one gets its state instead of a second print. */
const KEEP_FINISHED = 500;
/** Entries appended before the journal is rewritten with only what is still needed. */
const COMPACT_AFTER = 2000;

/**
 * One printer's jobs on disk, as an append-only journal of JSON lines, each flushed to disk
 * before `append` resolves: a job is acknowledged only once it would survive a crash, and is
 * marked printed once the printer has taken its bytes.
 *
 * A job the bridge was sending when it stopped may be on paper whole, in part or not at all,
 * and nothing tells which. At a till a missing or torn receipt is worse than a second copy,
 * provided the copy cannot pass for a second sale: so such a job is sent once more, marked
 * 重印 REPRINT and without opening the drawer again (`markedResend`). A reprint that is cut off
 * again, or a job with no receipt to mark, comes back failed, and the cashier reprints by hand.
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

export const isFinished = (job: JobStatus) => job.state === 'printed' || job.state === 'failed';

/**
 * After the printer may have taken part of a job: the job to send once more, marked as a
 * reprint, or null when it must fail instead (already a reprint, or nothing to mark).
 */
export function markedResend(job: JobStatus, content: JobContent | undefined): JobStatus | null {
  if (job.reprint === true || content === undefined || !('model' in content)) return null;
  return { ...job, state: 'queued', reprint: true, error: 'may be on paper in part: printed again marked as a reprint' };
}

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

const contentOf = (entry: Extract<Entry, { op: 'queued' }>): JobContent =>
  'content' in entry ? entry.content : { bytes: new Uint8Array(Buffer.from(entry.bytes, 'base64')) };

function replay(entries: readonly Entry[], options: { afterCrash: boolean }): RestoredJobs {
  const latest = new Map<string, JobStatus>();
  const contents = new Map<string, JobContent>();
  for (const entry of entries) {
    if (entry.op === 'queued') contents.set(entry.job.jobId, contentOf(entry));
    latest.set(entry.job.jobId, entry.job);
  }
  const jobs = [...latest.values()].map((job): JobStatus => {
    if (!options.afterCrash || job.state !== 'printing') return job;
    return markedResend(job, contents.get(job.jobId)) ?? { ...job, state: 'failed', error: 'the bridge stopped while printing this; it may be incomplete' };
  });
  const finished = jobs.filter(isFinished).slice(-KEEP_FINISHED);
  const pending = jobs.filter((job) => !isFinished(job) && contents.has(job.jobId));
  return {
    jobs: jobs.filter((job) => finished.includes(job) || pending.includes(job)),
    pending: pending.map((status) => ({ status, content: contents.get(status.jobId)! })),
  };
}

/** The fewest entries that restore the same jobs: pending ones with what they print, finished ones by state. */
function entriesOf(restored: RestoredJobs): Entry[] {
  const pending = new Map(restored.pending.map((p) => [p.status.jobId, p.content]));
  return restored.jobs.map((job): Entry => {
    const content = pending.get(job.jobId);
    if (!content) return { op: 'state', job };
    return 'model' in content ? { op: 'queued', job, content } : { op: 'queued', job, bytes: Buffer.from(content.bytes).toString('base64') };
  });
}

const linesOf = (entries: Iterable<Entry>) => [...entries].map((entry) => `${JSON.stringify(entry)}\n`).join('');

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
