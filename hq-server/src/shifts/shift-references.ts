import type { CashMovement, ShiftClose, ShiftOpen } from '@pos/shared';
import { reasonAllows } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';
import { cashReasons, shifts } from './shifts.tables';

type ShiftDocument = ShiftOpen | CashMovement | ShiftClose;

const clerksNamed = (doc: ShiftDocument): string[] => [doc.cashierId, ...('approval' in doc && doc.approval ? [doc.approval.approvedBy] : [])];

/**
 * Which of these shift ids are shifts this till opened: a document may only belong to a shift of
 * its own till. Shift opens are taken before the other kinds of a push, so a shift opened in the
 * same push is known here.
 */
export async function shiftsOfDevice(db: Db, device: DevicePrincipal, shiftIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(shiftIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: shifts.id }).from(shifts)
    .where(and(eq(shifts.chainId, device.chainId), eq(shifts.storeId, device.storeId), eq(shifts.deviceId, device.deviceId), inArray(shifts.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * What each shift document names that HQ does not know or its store may not use: clerks of
 * the document's store or of the whole chain (active or not: a till works offline), and for a
 * cash movement a reason of the chain that allows its direction; a cash movement or a close, a
 * shift this till opened. A clerk of another store, or another till's shift, reads as unknown,
 * so the answer tells a till nothing about other stores.
 */
export async function shiftReferenceProblems(db: Db, device: DevicePrincipal, documents: readonly ShiftDocument[]): Promise<Map<string, string[]>> {
  const clerkIds = [...new Set(documents.flatMap(clerksNamed))];
  const reasonIds = [...new Set(documents.flatMap((d) => (d.kind === 'cash_movement' ? [d.reasonId] : [])))];
  const shiftIds = documents.flatMap((d) => (d.kind === 'shift_open' ? [] : [d.shiftId]));
  const [knownClerks, knownReasons, ownShifts] = await Promise.all([
    clerkIds.length ? db.select({ id: clerks.id, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, device.chainId), inArray(clerks.id, clerkIds))) : [],
    reasonIds.length ? db.select({ id: cashReasons.id, direction: cashReasons.direction }).from(cashReasons).where(and(eq(cashReasons.chainId, device.chainId), inArray(cashReasons.id, reasonIds))) : [],
    shiftsOfDevice(db, device, shiftIds),
  ]);
  const storeClerks = new Set(knownClerks.filter((c) => c.storeId === null || c.storeId === device.storeId).map((c) => c.id));
  const reasons = new Map(knownReasons.map((r) => [r.id, r.direction as 'in' | 'out' | 'both']));
  const problems = new Map<string, string[]>();
  for (const doc of documents) {
    const found = clerksNamed(doc).filter((id) => !storeClerks.has(id)).map((id) => `unknown clerk ${id}`);
    if (doc.kind !== 'shift_open' && !ownShifts.has(doc.shiftId)) found.push(`unknown shift ${doc.shiftId}`);
    if (doc.kind === 'cash_movement') {
      const direction = reasons.get(doc.reasonId);
      if (!direction) found.push(`unknown cash reason ${doc.reasonId}`);
      else if (!reasonAllows({ direction }, doc.direction)) found.push(`cash reason ${doc.reasonId} is not for cash ${doc.direction}`);
    }
    if (found.length) problems.set(doc.id, found);
  }
  return problems;
}
