import { randomBytes } from 'node:crypto';
import { minor, uuidv7, type PairedDevice, type TillEvent, type TillEventKind } from '@pos/shared';
import type { Fixture } from './fixture';

/**
 * A till event as the till would push it: clerk `clerkCode` pressed the key, and `approverCode`
 * (when given) approved it. A voided ticket carries a two-line basket, a reprint a receipt number.
 */
export function makeTillEvent(f: Fixture, till: PairedDevice, event: TillEventKind, clerkCode: string, approverCode: string | null = null): TillEvent {
  const at = f.deps.clock();
  const id = () => uuidv7(at.getTime(), randomBytes(10));
  const clerkId = f.clerkIds[clerkCode]!;
  return {
    kind: 'till_event', id: id(), storeId: till.store.id, deviceId: till.device.id, completedAt: at.toISOString(), clerkId, event,
    ticket: event === 'void_ticket' ? { lineCount: 2, grossMinor: minor(1250), netMinor: minor(1100), currency: till.store.currency } : null,
    receiptNo: event === 'reprint' ? `${till.device.code}-7` : null,
    approval: approverCode === null ? null : { id: id(), key: event, lineId: null, requestedBy: clerkId, approvedBy: f.clerkIds[approverCode]!, at: new Date(at.getTime() - 5_000).toISOString() },
  };
}
