import type { JobStatus } from '@pos/shared/bridge/index';
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
  /** The last status the printer reported; a job waits while paper is out or the cover is open. */
  lastStatus(): LinkStatus | null;
  retryMs?: number;
  maxRetryMs?: number;
}

const KEEP_FINISHED = 500;

/**
 * One printer's jobs, printed one at a time in the order they came. A job whose bytes could
 * not be sent waits and is tried again; a job whose bytes may have reached the printer is
 * never sent twice.
 */
export function createPrintQueue(options: PrintQueueOptions) {
  const jobs = new Map<string, JobStatus>();
  const pending: PrintJob[] = [];
  let running = false;
  let stopped = false;

  const update = (jobId: string, change: Partial<JobStatus>) => {
    const job = { ...jobs.get(jobId)!, ...change };
    jobs.set(jobId, job);
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
      update(job.jobId, { state: 'waiting', error: blocked });
      return 'retry';
    }
    const attempts = (jobs.get(job.jobId)?.attempts ?? 0) + 1;
    update(job.jobId, { state: 'printing', attempts, error: null });
    try {
      await options.transport.write(job.bytes);
      update(job.jobId, { state: 'printed' });
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof TransportError && !error.started) {
        update(job.jobId, { state: 'waiting', error: message });
        return 'retry';
      }
      update(job.jobId, { state: 'failed', error: message });
      return 'done';
    }
  }

  return {
    /** Adds a job; a job id seen before answers with that job's state and prints nothing. */
    enqueue(job: PrintJob): JobStatus {
      const known = jobs.get(job.jobId);
      if (known) return known;
      const status: JobStatus = { jobId: job.jobId, printerId: options.printerId, documentId: job.documentId, state: 'queued', attempts: 0, error: null };
      jobs.set(job.jobId, status);
      pending.push(job);
      if (!running) void run();
      return status;
    },
    get: (jobId: string) => jobs.get(jobId),
    pendingCount: () => pending.length,
    stop() {
      stopped = true;
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
