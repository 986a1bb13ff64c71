import { businessDate, type CashMovement, type ShiftClose, type ShiftOpen } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { isDataError, retryTransient, sqlStateOf } from '../db/sql-state';
import type { Deps, DevicePrincipal } from '../http/app-env';
import type { IngestOutcome } from '../sync/document-ingesters';
import { shiftReferenceProblems } from './shift-references';
import { cashMovements, shiftCloses, shifts } from './shifts.tables';

type ShiftDocument = ShiftOpen | CashMovement | ShiftClose;
type OwnedTable = typeof shifts | typeof cashMovements | typeof shiftCloses;

/** Writes one document's row unless its id is there already; true when this call inserted it. */
type Insert<D> = (db: Db, device: DevicePrincipal, doc: D, receivedAt: Date) => Promise<boolean>;

/** Who holds each of these ids in `table`: a `duplicate` is answered only to the till that made the document. */
async function ownersOf(db: Db, table: OwnedTable, chainId: string, ids: string[]): Promise<Map<string, { storeId: string; deviceId: string }>> {
  const rows = await db.select({ id: table.id, storeId: table.storeId, deviceId: table.deviceId }).from(table as PgTable & OwnedTable)
    .where(and(eq(table.chainId, chainId), inArray(table.id, ids)));
  return new Map(rows.map(({ id, ...owner }) => [id, owner]));
}

function storeFailure(error: unknown, kind: ShiftDocument['kind']): IngestOutcome {
  const conflict = sqlStateOf(error) === '23505';
  const message = conflict && kind === 'shift_close' ? 'the shift is already closed by another document' : 'HQ could not store the document';
  return { status: 'rejected', reason: conflict ? { code: 'CONFLICT', message } : { code: 'VALIDATION_FAILED', message, details: { sqlState: sqlStateOf(error) } } };
}

/**
 * Takes shift documents exactly once, each in a statement of its own (a till makes a few a
 * day): the row goes in with ON CONFLICT (chain, id) DO NOTHING, so a retried push changes
 * nothing; an id already there is `duplicate` for the till that made it and `rejected` for any
 * other. These documents have no child rows: the Z figures travel whole on the close.
 */
function ingestShiftDocuments<D extends ShiftDocument>(table: OwnedTable, insert: Insert<D>) {
  return async ({ db, clock }: Deps, device: DevicePrincipal, documents: D[]): Promise<Map<string, IngestOutcome>> => {
    const outcomes = new Map<string, IngestOutcome>();
    if (documents.length === 0) return outcomes;
    const problems = await shiftReferenceProblems(db, device, documents);
    const receivedAt = clock();
    for (const doc of documents) {
      const found = problems.get(doc.id);
      if (found) {
        outcomes.set(doc.id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'the document refers to rows HQ does not know', details: found } });
        continue;
      }
      try {
        const inserted = await retryTransient(() => insert(db, device, doc, receivedAt));
        outcomes.set(doc.id, { status: inserted ? 'accepted' : 'duplicate' });
      } catch (error) {
        if (!isDataError(error)) throw error;
        outcomes.set(doc.id, storeFailure(error, doc.kind));
      }
    }
    const duplicates = [...outcomes].filter(([, o]) => o.status === 'duplicate').map(([id]) => id);
    if (duplicates.length === 0) return outcomes;
    for (const [id, owner] of await ownersOf(db, table, device.chainId, duplicates)) {
      if (owner.storeId === device.storeId && owner.deviceId === device.deviceId) continue;
      outcomes.set(id, { status: 'rejected', reason: { code: 'CONFLICT', message: 'the document id is already used; the till must make a new one' } });
    }
    return outcomes;
  };
}

const insertedAny = (rows: unknown[]) => rows.length > 0;

export const ingestShiftOpens = ingestShiftDocuments<ShiftOpen>(shifts, async (db, { chainId, storeTimeZone }, doc, receivedAt) => {
  const rows = await db.insert(shifts).values({
    chainId, id: doc.id, storeId: doc.storeId, deviceId: doc.deviceId, cashierId: doc.cashierId,
    businessDate: businessDate(doc.completedAt, storeTimeZone), currency: doc.currency,
    openedAt: new Date(doc.completedAt), floatMinor: doc.floatMinor, denominations: doc.denominations, receivedAt,
  }).onConflictDoNothing({ target: [shifts.chainId, shifts.id] }).returning({ id: shifts.id });
  return insertedAny(rows);
});

export const ingestCashMovements = ingestShiftDocuments<CashMovement>(cashMovements, async (db, { chainId }, doc, receivedAt) => {
  const rows = await db.insert(cashMovements).values({
    chainId, id: doc.id, shiftId: doc.shiftId, storeId: doc.storeId, deviceId: doc.deviceId, cashierId: doc.cashierId,
    direction: doc.direction, reasonId: doc.reasonId, amountMinor: doc.amountMinor, note: doc.note, approval: doc.approval,
    at: new Date(doc.completedAt), receivedAt,
  }).onConflictDoNothing({ target: [cashMovements.chainId, cashMovements.id] }).returning({ id: cashMovements.id });
  return insertedAny(rows);
});

export const ingestShiftCloses = ingestShiftDocuments<ShiftClose>(shiftCloses, async (db, { chainId }, doc, receivedAt) => {
  const rows = await db.insert(shiftCloses).values({
    chainId, id: doc.id, shiftId: doc.shiftId, storeId: doc.storeId, deviceId: doc.deviceId, closedBy: doc.cashierId,
    closedAt: new Date(doc.completedAt), countedCashMinor: doc.countedCashMinor, expectedCashMinor: doc.expectedCashMinor,
    differenceMinor: doc.differenceMinor, denominations: doc.denominations, totals: doc.totals, approval: doc.approval,
    documentsWaiting: doc.documentsWaiting ?? null, receivedAt,
  }).onConflictDoNothing({ target: [shiftCloses.chainId, shiftCloses.id] }).returning({ id: shiftCloses.id });
  return insertedAny(rows);
});
