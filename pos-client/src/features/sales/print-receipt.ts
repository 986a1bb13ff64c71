import type { JobStatus } from '@pos/shared/bridge/index';
import { layoutDocument, type ReceiptDocument, type ReceiptModel } from '@pos/shared/receipt/index';
import type { BridgeClient, BridgeClientErrorCode } from '../../bridge/bridge-client';

export type ReceiptBridge = Pick<BridgeClient, 'state' | 'request'>;
export type PrintOutcome = { via: 'bridge'; job: JobStatus } | { via: 'browser' } | { via: 'failed'; code: BridgeClientErrorCode };

export interface PrintJob {
  /** Made by the till; the bridge prints a job id once however often it is sent. */
  jobId: string;
  document: ReceiptDocument;
  openDrawer: boolean;
}

/**
 * Prints through the bridge when one is paired, answering and has a printer; otherwise the
 * browser prints the same layout. A job that reached the bridge but got no answer is
 * reported as failed, not printed again in the browser: it may be on paper already.
 */
export async function printReceipt(bridge: ReceiptBridge, job: PrintJob, printInBrowser: (model: ReceiptModel) => void): Promise<PrintOutcome> {
  const inBrowser = (): PrintOutcome => {
    printInBrowser(layoutDocument(job.document));
    return { via: 'browser' };
  };
  if (bridge.state !== 'ready') return inBrowser();
  const send = (openDrawer: boolean) => bridge.request({ type: 'print.document', jobId: job.jobId, document: job.document, openDrawer });
  let outcome = await send(job.openDrawer);
  // A drawer kicked moments ago is still open; the receipt matters more than a second kick.
  if (!outcome.ok && outcome.code === 'RATE_LIMITED' && job.openDrawer) outcome = await send(false);
  if (outcome.ok) return { via: 'bridge', job: outcome.result };
  return outcome.code === 'BRIDGE_OFFLINE' || outcome.code === 'NO_PRINTER' ? inBrowser() : { via: 'failed', code: outcome.code };
}
