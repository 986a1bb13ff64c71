import type { JobStatus } from '@pos/shared/bridge/index';
import type { PrintJournal } from './print-journal';
import { TransportError, type LinkStatus, type PrinterTransport } from './transports/printer-transport';

export interface PrintJob {
  jobId: string;
  documentId: string;
  bytes: Uint8Array;
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
}

const KEEP_FINISHED = 500;

/**
 * One printer's jobs, printed one at a time in the order they came. A job whose bytes could
 * not be sent waits and is tried again; a job whose bytes may have reached the printer is
 * never sent twice. Each job is in the journal before it is acknowledged, and each state that
 * matters after a restart (printing, printed, failed, back to waiting) before the queue goes on.
 */
export function createPrintQueue(options: PrintQueueOptions) {
  const { journal } = options;
  const jobs = new Map<string, JobStatus>(journal.restored.jobs.map((job) => [job.jobId, job]));
  const pending: PrintJob[] = journal.restored.pending.map(({ status, bytes }) => ({ jobId: status.jobId, documentId: status.documentId, bytes }));
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
    const attempts = (jobs.get(job.jobId)?.attempts ?? 0) + 1;
    await update(job.jobId, { state: 'printing', attempts, error: null });
    try {
      await options.transport.write(job.bytes);
      await update(job.jobId, { state: 'printed' });
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof TransportError && !error.started) {
        await update(job.jobId, { state: 'waiting', error: message });
        return 'retry';
      }
      await update(job.jobId, { state: 'failed', error: message });
      return 'done';
    }
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
    enqueue(job: PrintJob): Promise<JobStatus> {
      const known = saving.get(job.jobId) ?? jobs.get(job.jobId);
      if (known) return Promise.resolve(known);
      const status: JobStatus = { jobId: job.jobId, printerId: options.printerId, documentId: job.documentId, state: 'queued', attempts: 0, error: null };
      jobs.set(job.jobId, status);
      const saved = journal
        .append({ op: 'queued', job: status, bytes: Buffer.from(job.bytes).toString('base64') })
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
