import { isVersionRefused, TillReport, type OutboxInstruction, type PushResult } from '@pos/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/query';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { syncRejections, tillSyncStatus } from './till-monitor.tables';

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

/** What the statement that notes a till's contact found, for the rest of its request. */
export interface TillContact {
  /** The till as it stands now: its token still valid, its store (it may have moved) and the store's time zone. */
  device: DevicePrincipal;
  storeOpen: boolean;
  /** The change sequence's head: a till whose cursor is there has every change. */
  changeHead: number;
  /** Whether the till has documents HQ rejected and no one has closed: only then may a push close some. */
  openRejections: boolean;
  /** Whether managers' decisions wait to reach the till: only then does a pull look for them. */
  decisionsWaiting: boolean;
}

/**
 * Notes that the till pulled (holding `cursor`) or pushed, with its report; marks delivered the
 * managers' decisions its report no longer lists; and reads what the request needs next. One
 * statement, which also checks the till's token again, so the sync routes may authenticate from
 * memory (`authenticateTill`): a till revoked since is refused here (401) with nothing written. Then
 * it refuses the till (426 `TILL_VERSION_REFUSED`) when its app version is below the chain's
 * minimum: the contact and the version stay on record, so the office sees which tills wait for the update.
 *
 * The statement commits without waiting for its WAL to reach the disk (`synchronous_commit` off
 * for its own transaction only): what it writes is the till's last contact and report, which the
 * till's next contact writes again, so a crash in the fraction of a second before the WAL writer
 * flushes loses nothing that matters, and the many tills' contacts stop costing a disk flush each.
 */
export async function noteTillContact({ db, clock }: Deps, till: { chainId: string; tokenHash: string }, report: TillReport | null, contact: { kind: 'push' } | { kind: 'pull'; cursor: number }): Promise<TillContact> {
  const { chainId } = till;
  const now = clock().toISOString();
  const stamp = contact.kind === 'pull' ? sql`last_pull_at` : sql`last_push_at`;
  const served = contact.kind === 'pull' ? { column: sql`, served_cursor`, value: sql`, ${contact.cursor}::bigint`, set: sql`, served_cursor = excluded.served_cursor` } : { column: sql``, value: sql``, set: sql`` };
  const reported = report
    ? { column: sql`, report, report_at`, value: sql`, ${JSON.stringify(report)}::jsonb, ${now}::timestamptz`, set: sql`, report = excluded.report, report_at = excluded.report_at` }
    : { column: sql``, value: sql``, set: sql`` };
  // Decisions the till no longer lists among its rejected documents have reached it (only a full list says so).
  const delivered = report && report.rejectedCount <= report.rejectedIds.length
    ? sql`, delivered as (
        update sync_rejections set delivered_at = ${now}::timestamptz
        where chain_id = ${chainId} and device_id = (select id from device) and status in ('resend', 'settled')
          and delivered_at is null and instructed_at is not null
          and document_id not in (select jsonb_array_elements_text(${JSON.stringify(report.rejectedIds)}::jsonb)))`
    : sql``;
  const [row] = await preparedQuery<{ id: string; code: string; store_id: string; time_zone: string; store_open: boolean; min_app_version: string | null; change_head: string; open_rejections: boolean; decisions_waiting: boolean }>(db, sql`
    with device as (
      select d.id, d.code, d.store_id, s.time_zone, s.active as store_open
      from till_devices d join stores s on s.chain_id = d.chain_id and s.id = d.store_id
      where d.chain_id = ${chainId} and d.token_hash = ${till.tokenHash} and d.revoked_at is null
    ), contact as (
      insert into till_sync_status (chain_id, device_id, ${stamp}${served.column}${reported.column})
      select ${chainId}::uuid, id, ${now}::timestamptz${served.value}${reported.value} from device
      on conflict (chain_id, device_id) do update set ${stamp} = excluded.${stamp}${served.set}${reported.set}
    )${delivered}
    select d.id, d.code, d.store_id, d.time_zone, d.store_open,
           (select min_app_version from till_sync_settings where chain_id = ${chainId}) as min_app_version,
           (select case when is_called then last_value else 0 end from sync_change_seq)::text as change_head,
           exists (select 1 from sync_rejections r where r.chain_id = ${chainId} and r.device_id = d.id and r.status in ('open', 'resend')) as open_rejections,
           exists (select 1 from sync_rejections r where r.chain_id = ${chainId} and r.device_id = d.id and r.status in ('resend', 'settled') and r.delivered_at is null) as decisions_waiting,
           set_config('synchronous_commit', 'off', true) as commit_unflushed
    from device d`);
  if (!row) throw new AppError('UNAUTHENTICATED', 'the token is unknown, expired or revoked');
  if (report && isVersionRefused(report.appVersion, row.min_app_version)) {
    throw new AppError('TILL_VERSION_REFUSED', `HQ no longer accepts till version ${report.appVersion}; update the till to ${row.min_app_version} or later`, {
      appVersion: report.appVersion,
      minAppVersion: row.min_app_version,
    });
  }
  return {
    device: { kind: 'device', chainId, deviceId: row.id, deviceCode: row.code, storeId: row.store_id, storeTimeZone: row.time_zone },
    storeOpen: row.store_open, changeHead: Number(row.change_head), openRejections: row.open_rejections, decisionsWaiting: row.decisions_waiting,
  };
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
 * opens again and counts), and closes the rejections of documents HQ now took (when the till had
 * any open, as its contact found). A document naming
 * another till or store (`FORBIDDEN`) is not this till's own and is not kept under it.
 */
export async function recordPushOutcome({ db, clock }: Deps, device: DevicePrincipal, documents: readonly unknown[], results: readonly PushResult[], openRejections: boolean): Promise<void> {
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
  if (taken.length && openRejections) {
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
