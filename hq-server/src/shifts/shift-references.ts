import type { CashMovement, ShiftClose, ShiftOpen } from '@pos/shared';
import { reasonAllows } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';
import { cashReasons } from './shifts.tables';

type ShiftDocument = ShiftOpen | CashMovement | ShiftClose;

const clerksNamed = (doc: ShiftDocument): string[] => [doc.cashierId, ...('approval' in doc && doc.approval ? [doc.approval.approvedBy] : [])];

/**
 * What each shift document names that HQ does not know or its store may not use: clerks of
 * the document's store or of the whole chain (active or not: a till works offline), and for a
 * cash movement a reason of the chain that allows its direction. A clerk of another store
 * reads as unknown, so the answer tells a till nothing about other stores.
 */
export async function shiftReferenceProblems(db: Db, device: DevicePrincipal, documents: readonly ShiftDocument[]): Promise<Map<string, string[]>> {
  const clerkIds = [...new Set(documents.flatMap(clerksNamed))];
  const reasonIds = [...new Set(documents.flatMap((d) => (d.kind === 'cash_movement' ? [d.reasonId] : [])))];
  const [knownClerks, knownReasons] = await Promise.all([
    clerkIds.length ? db.select({ id: clerks.id, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, device.chainId), inArray(clerks.id, clerkIds))) : [],
    reasonIds.length ? db.select({ id: cashReasons.id, direction: cashReasons.direction }).from(cashReasons).where(and(eq(cashReasons.chainId, device.chainId), inArray(cashReasons.id, reasonIds))) : [],
  ]);
  const storeClerks = new Set(knownClerks.filter((c) => c.storeId === null || c.storeId === device.storeId).map((c) => c.id));
  const reasons = new Map(knownReasons.map((r) => [r.id, r.direction as 'in' | 'out' | 'both']));
  const problems = new Map<string, string[]>();
  for (const doc of documents) {
    const found = clerksNamed(doc).filter((id) => !storeClerks.has(id)).map((id) => `unknown clerk ${id}`);
    if (doc.kind === 'cash_movement') {
      const direction = reasons.get(doc.reasonId);
      if (!direction) found.push(`unknown cash reason ${doc.reasonId}`);
      else if (!reasonAllows({ direction }, doc.direction)) found.push(`cash reason ${doc.reasonId} is not for cash ${doc.direction}`);
    }
    if (found.length) problems.set(doc.id, found);
  }
  return problems;
}
