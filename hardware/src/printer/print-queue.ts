import type { JobStatus } from '@pos/shared/bridge/index';
import { markedResend, type JobContent, type PrintContent, type PrintJournal } from './print-journal';
import { TransportError, type LinkStatus, type PrinterTransport } from './transports/printer-transport';

export interface PrintJob {
  jobId: string;
  documentId: string;
  content: JobContent;
}

export interface PrintQueueOptions {
  printerId: string;
  transport: PrinterTransport;
  onChange(job: JobStatus): void;
  /** The journal could not be written: the queue stops until the next job is added. */
  onError(error: unknown): void;
  /** The last status the printer reported; a job waits while paper is out or the cover is open. */
  lastStatus(): LinkStatus | null;
  retryMs?: number;
  maxRetryMs?: number;
  /** Where jobs are kept across restarts; the queue starts with the jobs it restored. */
  journal: PrintJournal;
  /** The bytes of a job's receipt for this printer; `reprint`: marked as printed again, the drawer left shut. */
  encode(content: PrintContent, reprint: boolean): Uint8Array;
}

const KEEP_FINISHED = 500;

/**
 * One printer's jobs, printed one at a time in the order they came. A job whose bytes could
 * not be sent waits and is tried again. A job whose bytes may have reached the printer in part
 * (the link broke while sending, or the bridge stopped) is sent once more marked as a reprint,
 * never a third time (see `print-journal.ts` for why). Each job is in the journal before it is
 * acknowledged, and each state that matters after a restart (printing, printed, failed, back to
 * waiting) before the queue goes on.
 */
export function createPrintQueue(options: PrintQueueOptions) {
  const { journal } = options;
  const jobs = new Map<string, JobStatus>(journal.restored.jobs.map((job) => [job.jobId, job]));
  const pending: PrintJob[] = journal.restored.pending.map(({ status, content }) => ({ jobId: status.jobId, documentId: status.documentId, content }));
  /** Jobs being written to the journal: the same job sent again meanwhile answers when it is saved. */
  const saving = new Map<string, Promise<JobStatus>>();
  let running = false;
  let stopped = false;

  const update = async (jobId: string, change: Partial<JobStatus>, durable = true) => {
    const job = { ...jobs.get(jobId)!, ...change };
    jobs.set(jobId, job);
    // Bytes must not go out before "printing" is on disk; a later state that fails to save only costs a restart's precision.
    if (durable) await journal.append({ op: 'state', job }).catch((error: unknown) => (job.state === 'printing' ? Promise.reject(error) : options.onError(error)));
    options.onChange(job);
    return job;
  };

  async function run(): Promise<void> {
    running = true;
    let delay = options.retryMs ?? 1000;
    while (pending.length > 0 && !stopped) {
      const job = pending[0]!;
      const outcome = await attempt(job);
      if (outcome === 'retry') {
        await sleep(delay);
        delay = Math.min(delay * 2, options.maxRetryMs ?? 5000);
        continue;
      }
      delay = options.retryMs ?? 1000;
      pending.shift();
      forgetOldJobs(jobs);
    }
    running = false;
  }

  async function attempt(job: PrintJob): Promise<'done' | 'retry'> {
    const status = options.lastStatus();
    const blocked = status?.paperOut === true ? 'paper out' : status?.coverOpen === true ? 'cover open' : null;
    if (blocked) {
      await update(job.jobId, { state: 'waiting', error: blocked }, false);
      return 'retry';
    }
    const known = jobs.get(job.jobId)!;
    await update(job.jobId, { state: 'printing', attempts: known.attempts + 1, error: null });
    try {
      await options.transport.write(bytesOf(job, known.reprint === true));
      await update(job.jobId, { state: 'printed' });
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof TransportError && !error.started) {
        await update(job.jobId, { state: 'waiting', error: message });
        return 'retry';
      }
      const resend = error instanceof TransportError ? markedResend(jobs.get(job.jobId)!, job.content) : null;
      if (resend) {
        await update(job.jobId, { ...resend, state: 'waiting' });
        return 'retry';
      }
      await update(job.jobId, { state: 'failed', error: message });
      return 'done';
    }
  }

  function bytesOf(job: PrintJob, reprint: boolean): Uint8Array {
    return 'model' in job.content ? options.encode(job.content, reprint) : job.content.bytes;
  }

  const start = () => {
    if (running || stopped) return;
    run().catch((error: unknown) => {
      running = false;
      options.onError(error);
    });
  };

  return {
    /** Starts printing the jobs restored from the journal. */
    resume: start,
    /** Adds a job and answers once it is on disk; a job id seen before answers with that job's state and prints nothing. */
    enqueue(job: PrintJob & { content: PrintContent }): Promise<JobStatus> {
      const known = saving.get(job.jobId) ?? jobs.get(job.jobId);
      if (known) return Promise.resolve(known);
      const status: JobStatus = { jobId: job.jobId, printerId: options.printerId, documentId: job.documentId, state: 'queued', attempts: 0, error: null };
      jobs.set(job.jobId, status);
      const saved = journal
        .append({ op: 'queued', job: status, content: job.content })
        .then(
          () => {
            pending.push(job);
            start();
            return status;
          },
          (error: unknown) => {
            jobs.delete(job.jobId);
            throw error;
          },
        )
        .finally(() => saving.delete(job.jobId));
      saving.set(job.jobId, saved);
      return saved;
    },
    get: (jobId: string) => jobs.get(jobId),
    pendingCount: () => pending.length,
    async stop() {
      stopped = true;
      await journal.close();
    },
  };
}
export type PrintQueue = ReturnType<typeof createPrintQueue>;

function forgetOldJobs(jobs: Map<string, JobStatus>): void {
  for (const [id, job] of jobs) {
    if (jobs.size <= KEEP_FINISHED) return;
    if (job.state === 'printed' || job.state === 'failed') jobs.delete(id);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
