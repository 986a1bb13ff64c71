import { isVersionRefused, TillReport, type OutboxInstruction, type PushResult } from '@pos/shared';
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { syncRejections, tillSyncStatus } from './till-monitor.tables';
import { loadTillSyncSettings } from './till-sync-settings.service';

/**
 * The till's report from its header: none from a till older than reports (it is still served),
 * 400 for one that is not the report's JSON, before anything is written.
 */
export function parseTillReport(header: string | undefined): TillReport | null {
  if (header === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(header);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'invalid till report: the header is not JSON', [{ path: 'x-pos-till-report', message: 'is not JSON' }]);
  }
  const parsed = TillReport.safeParse(json);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'invalid till report', parsed.error.issues.map((i) => ({ path: ['x-pos-till-report', ...i.path].join('.'), message: i.message })));
  }
  return parsed.data;
}

/**
 * Notes that the till pulled or pushed, with its report, then refuses it (426
 * `TILL_VERSION_REFUSED`) when its app version is below the chain's minimum: the contact and the
 * version stay on record, so the office sees which tills wait for the update.
 */
export async function noteTillContact({ db, clock }: Deps, device: DevicePrincipal, report: TillReport | null, contact: 'pull' | 'push'): Promise<void> {
  const now = clock();
  const stamp = contact === 'pull' ? { lastPullAt: now } : { lastPushAt: now };
  const reported = report ? { report, reportAt: now } : {};
  await db
    .insert(tillSyncStatus)
    .values({ chainId: device.chainId, deviceId: device.deviceId, ...stamp, ...reported })
    .onConflictDoUpdate({ target: [tillSyncStatus.chainId, tillSyncStatus.deviceId], set: { ...stamp, ...reported } });
  if (report) await markDelivered(db, device, report, now);

  const settings = await loadTillSyncSettings(db, device.chainId);
  if (report && isVersionRefused(report.appVersion, settings.minAppVersion)) {
    throw new AppError('TILL_VERSION_REFUSED', `HQ no longer accepts till version ${report.appVersion}; update the till to ${settings.minAppVersion} or later`, {
      appVersion: report.appVersion,
      minAppVersion: settings.minAppVersion,
    });
  }
}

/** A manager's decision the till no longer lists among its rejected documents has reached it. */
async function markDelivered(db: Db, device: DevicePrincipal, report: TillReport, now: Date): Promise<void> {
  if (report.rejectedCount > report.rejectedIds.length) return;
  await db
    .update(syncRejections)
    .set({ deliveredAt: now })
    .where(and(
      eq(syncRejections.chainId, device.chainId),
      eq(syncRejections.deviceId, device.deviceId),
      inArray(syncRejections.status, ['resend', 'settled']),
      isNull(syncRejections.deliveredAt),
      isNotNull(syncRejections.instructedAt),
      report.rejectedIds.length ? notInArray(syncRejections.documentId, report.rejectedIds) : undefined,
    ));
}

/** Keeps the cursor a pull handed out: what the till holds once it applied the page, so "how far behind" does not lag a sync. */
export async function noteServedCursor(db: Db, device: DevicePrincipal, cursor: number): Promise<void> {
  await db.update(tillSyncStatus).set({ servedCursor: cursor }).where(and(eq(tillSyncStatus.chainId, device.chainId), eq(tillSyncStatus.deviceId, device.deviceId)));
}

/** The managers' decisions this till has not yet acted on. */
export async function outboxInstructions({ db, clock }: Deps, device: DevicePrincipal): Promise<OutboxInstruction[]> {
  const undelivered = and(
    eq(syncRejections.chainId, device.chainId),
    eq(syncRejections.deviceId, device.deviceId),
    inArray(syncRejections.status, ['resend', 'settled']),
    isNull(syncRejections.deliveredAt),
  );
  const rows = await db
    .select({ documentId: syncRejections.documentId, status: syncRejections.status, note: syncRejections.note })
    .from(syncRejections)
    .where(undelivered)
    .orderBy(syncRejections.documentId);
  if (rows.length) await db.update(syncRejections).set({ instructedAt: clock() }).where(and(undelivered, isNull(syncRejections.instructedAt)));
  return rows.map((r) => ({ documentId: r.documentId, action: r.status === 'resend' ? 'resend' : 'settle', note: r.note }));
}

function kindOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'kind' in raw && typeof raw.kind === 'string') return raw.kind.slice(0, 40);
  return null;
}

/**
 * Keeps every document of the push HQ rejected (one row per till and document; rejected again, it
 * opens again and counts), and closes the rejections of documents HQ now took. A document naming
 * another till or store (`FORBIDDEN`) is not this till's own and is not kept under it.
 */
export async function recordPushOutcome({ db, clock }: Deps, device: DevicePrincipal, documents: readonly unknown[], results: readonly PushResult[]): Promise<void> {
  const now = clock();
  const rejected = new Map<string, { kind: string | null; code: string; message: string }>();
  for (const r of results) {
    if (r.status !== 'rejected' || r.id === null || r.reason?.code === 'FORBIDDEN') continue;
    rejected.set(r.id, { kind: kindOf(documents[r.index]), code: r.reason?.code ?? 'REJECTED', message: r.reason?.message ?? 'rejected without a reason' });
  }
  const taken = results.filter((r) => r.status !== 'rejected' && r.id !== null).map((r) => r.id as string);
  if (rejected.size) {
    await db
      .insert(syncRejections)
      .values([...rejected].map(([documentId, r]) => ({
        chainId: device.chainId, id: newId(clock), deviceId: device.deviceId, storeId: device.storeId, documentId, ...r, firstRejectedAt: now, lastRejectedAt: now,
      })))
      .onConflictDoUpdate({
        target: [syncRejections.chainId, syncRejections.deviceId, syncRejections.documentId],
        set: {
          kind: sql`excluded.kind`, code: sql`excluded.code`, message: sql`excluded.message`, lastRejectedAt: now,
          times: sql`${syncRejections.times} + 1`, status: 'open', note: null, resolvedAt: null, resolvedBy: null, instructedAt: null, deliveredAt: null,
        },
      });
  }
  if (taken.length) {
    await db
      .update(syncRejections)
      .set({ status: 'resent', resolvedAt: now, deliveredAt: now })
      .where(and(
        eq(syncRejections.chainId, device.chainId),
        eq(syncRejections.deviceId, device.deviceId),
        inArray(syncRejections.status, ['open', 'resend']),
        inArray(syncRejections.documentId, taken),
      ));
  }
}
