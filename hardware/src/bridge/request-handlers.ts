import type { BridgeError, BridgeErrorCode, BridgeRequest } from '@pos/shared/bridge/index';
import { layoutDocument } from '@pos/shared/receipt/index';
import type { AuditLog } from './audit-log';
import type { DeviceRegistry } from './device-registry';
import type { PairingStore } from './pairing-store';
import type { PrinterService } from './printer-service';

export interface HandlerDeps {
  pairing: PairingStore;
  printers: PrinterService;
  registry: DeviceRegistry;
  audit: AuditLog;
  drawerLimiter: { tryTake(): boolean };
}

export type Outcome = { ok: true; result: unknown; tillId?: string } | { ok: false; error: BridgeError };

const fail = (code: BridgeErrorCode, message: string): Outcome => ({ ok: false, error: { code, message } });

const PAIRING_REFUSALS = {
  PAIRING_CODE_INVALID: 'wrong pairing code',
  PAIRING_CODE_EXPIRED: 'that code expired; a new one is on the bridge console',
  PAIRING_LOCKED: 'too many wrong codes; pairing is paused, and the bridge console says until when',
} as const;

/** Answers one valid request from a paired till (or a pairing attempt). */
export async function handleRequest(request: BridgeRequest, tillId: string | null, deps: HandlerDeps): Promise<Outcome> {
  if (request.type === 'pair') return pair(request.code, request.tillName, deps);
  if (tillId === null) return fail('UNAUTHENTICATED', 'pair this till first');
  switch (request.type) {
    case 'devices.list':
      return { ok: true, result: { devices: deps.registry.list() } };
    case 'job.get': {
      const job = deps.printers.job(request.jobId);
      return job ? { ok: true, result: job } : fail('UNKNOWN_JOB', 'no such print job');
    }
    case 'print.receipt':
    case 'print.document':
      return print(request, tillId, deps);
    case 'drawer.open':
      return openDrawer(request.printerId, request.saleId, tillId, deps);
  }
}

async function pair(code: string, name: string, deps: HandlerDeps): Promise<Outcome> {
  const outcome = await deps.pairing.pair(code, name);
  if (!outcome.ok) return fail(outcome.code, PAIRING_REFUSALS[outcome.code]);
  deps.audit.record({ action: 'pair', tillId: outcome.tillId, name });
  return { ok: true, result: { token: outcome.token, tillId: outcome.tillId }, tillId: outcome.tillId };
}

async function print(request: Extract<BridgeRequest, { type: 'print.receipt' | 'print.document' }>, tillId: string, deps: HandlerDeps): Promise<Outcome> {
  const printer = deps.printers.resolve(request.printerId);
  if (!printer) return request.printerId ? fail('UNKNOWN_PRINTER', `no printer ${request.printerId}`) : fail('NO_PRINTER', 'no printer configured');
  const openDrawer = request.openDrawer === true;
  if (openDrawer && !deps.drawerLimiter.tryTake()) return fail('RATE_LIMITED', 'the drawer was opened moments ago');
  const model = request.type === 'print.receipt' ? request.receipt : layoutDocument(request.document);
  const job = await deps.printers.print(printer, request.jobId, model, openDrawer);
  deps.audit.record({ action: 'print', tillId, printerId: printer.id, jobId: request.jobId, documentId: model.documentId, openDrawer });
  return { ok: true, result: job };
}

async function openDrawer(printerId: string | undefined, saleId: string | null, tillId: string, deps: HandlerDeps): Promise<Outcome> {
  const printer = deps.printers.resolve(printerId);
  if (!printer) return printerId ? fail('UNKNOWN_PRINTER', `no printer ${printerId}`) : fail('NO_PRINTER', 'no printer configured');
  const entry = { action: 'drawer', tillId, printerId: printer.id, saleId } as const;
  if (!deps.drawerLimiter.tryTake()) {
    deps.audit.record({ ...entry, outcome: 'rate_limited' });
    return fail('RATE_LIMITED', 'the drawer was opened moments ago');
  }
  try {
    await deps.printers.kickDrawer(printer);
  } catch (error) {
    deps.audit.record({ ...entry, outcome: 'failed' });
    return fail('PRINTER_OFFLINE', error instanceof Error ? error.message : 'printer not answering');
  }
  deps.audit.record({ ...entry, outcome: 'opened' });
  return { ok: true, result: { printerId: printer.id } };
}
