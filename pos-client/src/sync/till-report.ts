import { TILL_REPORT_MAX_REJECTED, type TillReport, type TillSyncError } from '@pos/shared';
import { appVersion } from '../app/app-version';
import type { OutboxEntry, TillDb } from '../db/till-db';
import type { HqFailure } from '../hq/hq-failure';
import { failureCode } from '../hq/hq-failure';

interface ReportInput {
  waiting: number;
  oldestWaiting: Pick<OutboxEntry, 'createdAt'> | undefined;
  rejected: readonly Pick<OutboxEntry, 'id'>[];
  rejectedCount: number;
  cursor: number;
  lastError: TillSyncError | null;
  version: string;
}

/** The report a till sends with every pull and push (`TillReport`): what waits, what HQ rejected, its version, cursor and last error. */
export function tillReportOf(input: ReportInput): TillReport {
  return {
    waitingCount: input.waiting,
    oldestWaitingAt: input.oldestWaiting?.createdAt ?? null,
    rejectedCount: input.rejectedCount,
    rejectedIds: input.rejected.slice(0, TILL_REPORT_MAX_REJECTED).map((e) => e.id),
    appVersion: input.version,
    cursor: input.cursor,
    lastError: input.lastError,
  };
}

/** A failure as the report carries it: its code, a short message HQ takes, and when. */
export function syncErrorOf(failure: HqFailure, at: string): TillSyncError {
  const message = failure.kind === 'http' ? failure.message : failure.kind === 'unreachable' ? 'HQ could not be reached' : `HQ answered ${failure.status} with an unreadable body`;
  return { code: failureCode(failure), message: message.replace(/[\p{Cc}\p{Cs}]/gu, ' ').slice(0, 300), at };
}

/** Reads the till's report from Dexie; uuidv7 ids sort by creation, so the first pending entry is the oldest. */
export async function readTillReport(db: TillDb): Promise<TillReport> {
  const pending = db.outbox.where('state').equals('pending');
  const rejected = db.outbox.where('state').equals('rejected');
  const meta = await db.getSyncMeta();
  return tillReportOf({
    waiting: await pending.count(),
    oldestWaiting: await pending.first(),
    rejected: await rejected.limit(TILL_REPORT_MAX_REJECTED).toArray(),
    rejectedCount: await rejected.count(),
    cursor: meta.cursor,
    lastError: meta.lastError ?? null,
    version: appVersion,
  });
}

/** Keeps the last sync failure for the next report. */
export async function recordSyncError(db: TillDb, failure: HqFailure, at: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.putMeta('sync', { ...(await db.getSyncMeta()), lastError: syncErrorOf(failure, at) });
  });
}
