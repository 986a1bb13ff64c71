import { businessDate, type Return } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isDataError, retryTransient, sqlStateOf } from '../db/sql-state';
import type { Deps, DevicePrincipal } from '../http/app-env';
import type { IngestOutcome } from '../sync/document-ingesters';
import { originalSales, returnProblems } from './check-returns';
import { returns } from './returns.tables';
import { writeReturn } from './write-return';

/** Which store and till made each of these returns, for the ones HQ holds. */
async function ownersOf(db: Db, chainId: string, ids: string[]): Promise<Map<string, { storeId: string; deviceId: string }>> {
  const rows = await db.select({ id: returns.id, storeId: returns.storeId, deviceId: returns.deviceId }).from(returns)
    .where(and(eq(returns.chainId, chainId), inArray(returns.id, ids)));
  return new Map(rows.map(({ id, ...owner }) => [id, owner]));
}

/**
 * Ingests returns and exchanges exactly once, each in its own transaction after the batch's sales
 * (a return may name a sale pushed with it). A return must name products and clerks HQ knows and,
 * with a receipt, a sale of this chain (any store) and that sale's lines and payments; otherwise it
 * is rejected with the reason. A line returned beyond what was sold, across tills, is accepted: the
 * customer has their money; HQ records the difference for the office. `duplicate` is answered only
 * to the till that made the return, as for sales.
 */
export async function ingestReturns(deps: Deps, device: DevicePrincipal, docs: Return[]): Promise<Map<string, IngestOutcome>> {
  const outcomes = new Map<string, IngestOutcome>();
  if (docs.length === 0) return outcomes;
  const originals = await originalSales(deps.db, device.chainId, docs);
  const problems = await returnProblems(deps.db, device, docs, originals);
  for (const doc of docs) {
    const found = problems.get(doc.id);
    if (found) {
      outcomes.set(doc.id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'the return refers to rows HQ does not know', details: found } });
      continue;
    }
    const toWrite = { doc, businessDate: businessDate(doc.completedAt, device.storeTimeZone), original: doc.original ? originals.get(doc.original.saleId)! : null };
    try {
      const inserted = await retryTransient(() => writeReturn(deps.db, deps.clock, device.chainId, toWrite));
      outcomes.set(doc.id, { status: inserted ? 'accepted' : 'duplicate' });
    } catch (error) {
      if (!isDataError(error)) throw error;
      const conflict = sqlStateOf(error) === '23505';
      outcomes.set(doc.id, { status: 'rejected', reason: { code: conflict ? 'CONFLICT' : 'VALIDATION_FAILED', message: conflict ? 'a line, refund or approval id of the return is already used by another document' : 'HQ could not store the return', details: { sqlState: sqlStateOf(error) } } });
    }
  }
  const duplicates = [...outcomes].filter(([, o]) => o.status === 'duplicate').map(([id]) => id);
  if (duplicates.length) {
    for (const [id, owner] of await ownersOf(deps.db, device.chainId, duplicates)) {
      if (owner.storeId === device.storeId && owner.deviceId === device.deviceId) continue;
      outcomes.set(id, { status: 'rejected', reason: { code: 'CONFLICT', message: 'the document id is already used; the till must make a new one' } });
    }
  }
  return outcomes;
}
