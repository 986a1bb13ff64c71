import { join } from 'node:path';
import type { JobStatus } from '@pos/shared/bridge/index';
import { markAsReprint, type ReceiptModel } from '@pos/shared/receipt/index';
import { encodeDrawerKick, encodeReceipt } from '../printer/encode-receipt';
import { openPrintJournal } from '../printer/print-journal';
import { createPrintQueue, type PrintQueue } from '../printer/print-queue';
import type { PrinterProfile } from '../printer/printer-profile';
import type { GlyphSource } from '../printer/raster-receipt';
import type { LinkStatus, PrinterTransport } from '../printer/transports/printer-transport';
import type { AuditLog } from './audit-log';
import type { DeviceRegistry } from './device-registry';

export interface ManagedPrinter {
  id: string;
  name: string;
  profile: PrinterProfile;
  transport: PrinterTransport;
}

interface Entry extends ManagedPrinter {
  queue: PrintQueue;
  status: LinkStatus | null;
}

export interface PrinterServiceDeps {
  registry: DeviceRegistry;
  audit: AuditLog;
  /** Each printer's queue is kept in `<stateDir>/print-jobs/<printer id>.jsonl`. */
  stateDir: string;
  log(line: string): void;
  glyphs?: GlyphSource;
  retryMs?: number;
}

/** The printers, each with its queue (restored from disk) and last known status, polled in the background. */
export async function createPrinterService(printers: readonly ManagedPrinter[], deps: PrinterServiceDeps) {
  const entries = new Map<string, Entry>();
  for (const printer of printers) {
    const journal = await openPrintJournal(join(deps.stateDir, 'print-jobs', `${printer.id}.jsonl`));
    const queue = createPrintQueue({
      printerId: printer.id,
      transport: printer.transport,
      retryMs: deps.retryMs,
      journal,
      encode: ({ model, openDrawer }, reprint) =>
        encodeReceipt(reprint ? markAsReprint(model) : model, printer.profile, { openDrawer: openDrawer && !reprint, glyphs: deps.glyphs }),
      lastStatus: () => entry.status,
      onChange: (job) => onJob(entry, job),
      onError: (error) => deps.log(`print queue of ${printer.id}: could not save to disk: ${error instanceof Error ? error.message : String(error)}`),
    });
    const entry: Entry = { ...printer, status: null, queue };
    entries.set(printer.id, entry);
    queue.resume();
    deps.registry.attach({ id: printer.id, kind: 'printer', name: printer.name, transport: printer.transport.kind, status: { connected: false, paperOut: null, coverOpen: null, error: null }, queued: 0 });
  }

  function onJob(entry: Entry, job: JobStatus): void {
    deps.registry.publish({ kind: 'job.state', job });
    deps.registry.update(entry.id, { queued: entry.queue.pendingCount() });
    if (job.state === 'printed' || job.state === 'failed') deps.audit.record({ action: 'job', printerId: entry.id, jobId: job.jobId, documentId: job.documentId, state: job.state });
  }

  async function refresh(entry: Entry): Promise<void> {
    entry.status = await entry.transport.status().catch((): LinkStatus => ({ connected: false, paperOut: null, coverOpen: null }));
    const error = entry.status.connected ? null : `${entry.transport.description} not answering`;
    deps.registry.update(entry.id, { status: { ...entry.status, error }, queued: entry.queue.pendingCount() });
  }

  return {
    resolve: (id: string | undefined): Entry | undefined => (id === undefined ? entries.values().next().value : entries.get(id)),
    /** The receipt is encoded once here, so one this printer cannot print is refused now rather than failing in the queue. */
    print(entry: Entry, jobId: string, model: ReceiptModel, openDrawer: boolean): Promise<JobStatus> {
      encodeReceipt(model, entry.profile, { openDrawer, glyphs: deps.glyphs });
      return entry.queue.enqueue({ jobId, documentId: model.documentId, content: { model, openDrawer } });
    },
    job: (jobId: string) => [...entries.values()].map((e) => e.queue.get(jobId)).find((j) => j !== undefined),
    kickDrawer: (entry: Entry) => entry.transport.write(encodeDrawerKick(entry.profile)),
    refreshAll: () => Promise.all([...entries.values()].map(refresh)).then(() => undefined),
    stop: () => Promise.all([...entries.values()].map((entry) => entry.queue.stop())).then(() => undefined),
  };
}
export type PrinterService = Awaited<ReturnType<typeof createPrinterService>>;
