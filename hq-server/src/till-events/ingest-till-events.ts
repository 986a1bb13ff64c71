import { businessDate, type TillEvent } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isDataError, retryTransient, sqlStateOf } from '../db/sql-state';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';
import type { IngestOutcome } from '../sync/document-ingesters';
import { tillEventOwners, tillEventRow, writeTillEvents } from './write-till-events';

/**
 * What each event names that is not a clerk of its store (or of the whole chain): who pressed the
 * key and who approved it, active or not, since a till works offline and either may have left
 * since. A clerk of another store reads as unknown, so the answer tells a till nothing of others.
 */
async function unknownClerks(db: Db, device: DevicePrincipal, events: TillEvent[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(events.flatMap((e) => [e.clerkId, ...(e.approval ? [e.approval.approvedBy] : [])]))];
  const known = await db.select({ id: clerks.id, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, device.chainId), inArray(clerks.id, ids)));
  const ofStore = new Set(known.filter((c) => c.storeId === null || c.storeId === device.storeId).map((c) => c.id));
  const problems = new Map<string, string[]>();
  for (const e of events) {
    const found = [
      ...(ofStore.has(e.clerkId) ? [] : [`unknown clerk ${e.clerkId}`]),
      ...(e.approval && !ofStore.has(e.approval.approvedBy) ? [`unknown approver ${e.approval.approvedBy}`] : []),
    ];
    if (found.length) problems.set(e.id, found);
  }
  return problems;
}

/** Writes the events in one statement; should PostgreSQL refuse one, writes each alone so that only it is rejected. */
async function writeOnce(db: Db, rows: ReturnType<typeof tillEventRow>[], outcomes: Map<string, IngestOutcome>): Promise<void> {
  const record = (inserted: Set<string>, part: typeof rows) => {
    for (const { id } of part) outcomes.set(id, { status: inserted.has(id) ? 'accepted' : 'duplicate' });
  };
  try {
    record(await retryTransient(() => writeTillEvents(db, rows)), rows);
  } catch (error) {
    if (!isDataError(error)) throw error;
    for (const row of rows) {
      try {
        record(await retryTransient(() => writeTillEvents(db, [row])), [row]);
      } catch (singleError) {
        if (!isDataError(singleError)) throw singleError;
        outcomes.set(row.id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'HQ could not store the document', details: { sqlState: sqlStateOf(singleError) } } });
      }
    }
  }
}

/**
 * Ingests till events exactly once: each is inserted by its till-made id with ON CONFLICT DO
 * NOTHING, so a batch pushed again changes nothing. `duplicate` is answered only to the till
 * that made the event; another till reusing the id is told the id is already used, as for sales.
 */
export async function ingestTillEvents(deps: Deps, device: DevicePrincipal, events: TillEvent[]): Promise<Map<string, IngestOutcome>> {
  const outcomes = new Map<string, IngestOutcome>();
  if (events.length === 0) return outcomes;
  const problems = await unknownClerks(deps.db, device, events);
  for (const [id, details] of problems) {
    outcomes.set(id, { status: 'rejected', reason: { code: 'VALIDATION_FAILED', message: 'the document refers to clerks HQ does not know', details } });
  }
  const receivedAt = deps.clock();
  const rows = events.filter((e) => !problems.has(e.id)).map((e) => tillEventRow(device.chainId, e, businessDate(e.completedAt, device.storeTimeZone), receivedAt));
  await writeOnce(deps.db, rows, outcomes);
  const duplicates = [...outcomes].filter(([, o]) => o.status === 'duplicate').map(([id]) => id);
  if (duplicates.length === 0) return outcomes;
  for (const [id, owner] of await tillEventOwners(deps.db, device.chainId, duplicates)) {
    if (owner.storeId === device.storeId && owner.deviceId === device.deviceId) continue;
    outcomes.set(id, { status: 'rejected', reason: { code: 'CONFLICT', message: 'the document id is already used; the till must make a new one' } });
  }
  return outcomes;
}
