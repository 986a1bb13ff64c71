import { CATALOG_BEHIND_CAP, isVersionRefused, type AcceptCorrectionBody, type SyncRejection, type TillMonitor, type TillMonitorQuery, type TillMonitorRow, type TillReport } from '@pos/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { Deps, DevicePrincipal, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope, storesInScope } from '../http/scope';
import { tillDevices } from '../org/org.tables';
import { entitySelects } from '../sync/pull.service';
import { syncRejections, tillSyncStatus } from './till-monitor.tables';
import { isSilent, lastContactOf } from './till-silence';
import { loadTillSyncSettings } from './till-sync-settings.service';

const rejectionColumns = {
  id: syncRejections.id, deviceId: syncRejections.deviceId, storeId: syncRejections.storeId, documentId: syncRejections.documentId, kind: syncRejections.kind,
  code: syncRejections.code, message: syncRejections.message, firstRejectedAt: syncRejections.firstRejectedAt, lastRejectedAt: syncRejections.lastRejectedAt,
  times: syncRejections.times, status: syncRejections.status, note: syncRejections.note, resolvedAt: syncRejections.resolvedAt,
};

/** The office sees the count of rejected documents; their ids are for HQ's own bookkeeping. */
function withoutIds({ rejectedIds, ...report }: TillReport): NonNullable<TillMonitorRow['report']> {
  void rejectedIds;
  return report;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toRejection(r: { firstRejectedAt: Date; lastRejectedAt: Date; resolvedAt: Date | null } & Omit<SyncRejection, 'firstRejectedAt' | 'lastRejectedAt' | 'resolvedAt'>): SyncRejection {
  return { ...r, firstRejectedAt: r.firstRejectedAt.toISOString(), lastRejectedAt: r.lastRejectedAt.toISOString(), resolvedAt: iso(r.resolvedAt) };
}

/** Changes for the till after `cursor`, counted up to `CATALOG_BEHIND_CAP` with the pull's own selects, so only what the till would pull counts. */
async function changesAfter(db: Db, device: Pick<DevicePrincipal, 'chainId' | 'storeId'>, cursor: number): Promise<number> {
  const union = sql.join(entitySelects(device, cursor, CATALOG_BEHIND_CAP), sql` union all `);
  const [row] = await query<{ n: string | number }>(db, sql`select count(*) as n from (${union}) as changes`);
  return Math.min(CATALOG_BEHIND_CAP, Number(row?.n ?? 0));
}

/**
 * Every till of the stores in the caller's scope (or of one store): its last pull and push, its
 * last report, whether it has been silent longer than the chain allows, how far behind its
 * catalog is, and its rejected documents no manager has settled.
 */
export async function readTillMonitor({ db, clock }: Deps, principal: Principal, q: TillMonitorQuery): Promise<TillMonitor> {
  const stores = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
  const settings = await loadTillSyncSettings(db, principal.chainId);
  const now = clock();
  const storeIds = stores.map((s) => s.id);
  if (!storeIds.length) return { settings, asOf: now.toISOString(), tills: [] };
  const devices = await db
    .select({
      id: tillDevices.id, code: tillDevices.code, name: tillDevices.name, storeId: tillDevices.storeId, pairedAt: tillDevices.pairedAt, revokedAt: tillDevices.revokedAt,
      lastPullAt: tillSyncStatus.lastPullAt, lastPushAt: tillSyncStatus.lastPushAt, report: tillSyncStatus.report, reportAt: tillSyncStatus.reportAt, servedCursor: tillSyncStatus.servedCursor,
    })
    .from(tillDevices)
    .leftJoin(tillSyncStatus, and(eq(tillSyncStatus.chainId, tillDevices.chainId), eq(tillSyncStatus.deviceId, tillDevices.id)))
    .where(and(eq(tillDevices.chainId, principal.chainId), inArray(tillDevices.storeId, storeIds)))
    .orderBy(asc(tillDevices.code));
  const rejections = await db
    .select(rejectionColumns)
    .from(syncRejections)
    .where(and(eq(syncRejections.chainId, principal.chainId), inArray(syncRejections.storeId, storeIds), inArray(syncRejections.status, ['open', 'resend'])))
    .orderBy(asc(syncRejections.firstRejectedAt));
  const tills: TillMonitorRow[] = [];
  for (const d of devices) {
    const lastContact = lastContactOf(d);
    tills.push({
      deviceId: d.id, deviceCode: d.code, deviceName: d.name, storeId: d.storeId, revoked: d.revokedAt !== null,
      lastPullAt: iso(d.lastPullAt), lastPushAt: iso(d.lastPushAt), lastContactAt: lastContact === null ? null : new Date(lastContact).toISOString(),
      silent: isSilent(d, settings.silentAfterMinutes, now),
      report: d.report ? withoutIds(d.report) : null,
      reportAt: iso(d.reportAt),
      versionRefused: d.report ? isVersionRefused(d.report.appVersion, settings.minAppVersion) : false,
      catalogBehind: d.servedCursor === null ? null : await changesAfter(db, { chainId: principal.chainId, storeId: d.storeId }, d.servedCursor),
      rejections: rejections.filter((r) => r.deviceId === d.id).map(toRejection),
    });
  }
  return { settings, asOf: now.toISOString(), tills };
}

async function rejectionInScope(db: Db, principal: Principal, id: string) {
  const [row] = await db.select(rejectionColumns).from(syncRejections).where(and(eq(syncRejections.chainId, principal.chainId), eq(syncRejections.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'no such rejected document');
  await storeInScope(db, principal, row.storeId);
  return row;
}

/** Asks the till, in its next pull, to push a rejected document again (after what it named was fixed). */
export async function resendRejection({ db, clock }: Deps, principal: Principal, id: string): Promise<SyncRejection> {
  return db.transaction(async (tx) => {
    const before = await rejectionInScope(tx, principal, id);
    if (before.status !== 'open' && before.status !== 'resend') throw new AppError('CONFLICT', `the document is already ${before.status}`);
    const [after] = await tx
      .update(syncRejections)
      .set({ status: 'resend', resolvedAt: clock(), resolvedBy: principal.kind === 'office' ? principal.userId : null, instructedAt: null, deliveredAt: null })
      .where(and(eq(syncRejections.chainId, principal.chainId), eq(syncRejections.id, id)))
      .returning(rejectionColumns);
    const result = toRejection(after!);
    await recordAudit(tx, principal, clock, { entity: 'sync_rejection', entityId: id, action: 'resend', before: toRejection(before), after: result, storeId: before.storeId });
    return result;
  });
}

/** Settles a rejected document with the manager's note (the correction was made otherwise); the till drops it from its rejected list. */
export async function acceptCorrection({ db, clock }: Deps, principal: Principal, id: string, body: AcceptCorrectionBody): Promise<SyncRejection> {
  return db.transaction(async (tx) => {
    const before = await rejectionInScope(tx, principal, id);
    if (before.status !== 'open' && before.status !== 'resend') throw new AppError('CONFLICT', `the document is already ${before.status}`);
    const [after] = await tx
      .update(syncRejections)
      .set({ status: 'settled', note: body.note, resolvedAt: clock(), resolvedBy: principal.kind === 'office' ? principal.userId : null, instructedAt: null, deliveredAt: null })
      .where(and(eq(syncRejections.chainId, principal.chainId), eq(syncRejections.id, id)))
      .returning(rejectionColumns);
    const result = toRejection(after!);
    await recordAudit(tx, principal, clock, { entity: 'sync_rejection', entityId: id, action: 'accept_correction', before: toRejection(before), after: result, storeId: before.storeId });
    return result;
  });
}
