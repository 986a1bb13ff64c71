import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';

/** A till's app version as its `package.json` gives it: `major.minor.patch`. */
export const AppVersion = z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, 'must be a version like 1.4.0');
export type AppVersion = z.infer<typeof AppVersion>;

/** The header every pull and push of a till carries its report in, as compact JSON. */
export const TILL_REPORT_HEADER = 'x-pos-till-report';

/** The most rejected document ids a report lists; a till holding more lists its oldest. */
export const TILL_REPORT_MAX_REJECTED = 200;

/** What went wrong the last time the till tried to sync. */
export const TillSyncError = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an error code like NETWORK'),
  message: SafeText.pipe(z.string().max(300)),
  at: IsoDateTime,
});
export type TillSyncError = z.infer<typeof TillSyncError>;

/**
 * What a till says about itself on every pull and push: the documents still waiting in its outbox
 * and the oldest one's instant, the documents HQ rejected that it still holds, its app version,
 * the pull cursor it holds and its last sync error.
 */
export const TillReport = z.strictObject({
  waitingCount: z.number().int().min(0).max(10_000_000),
  oldestWaitingAt: IsoDateTime.nullable(),
  rejectedCount: z.number().int().min(0).max(10_000_000),
  rejectedIds: z.array(z.string().min(1).max(64)).max(TILL_REPORT_MAX_REJECTED),
  appVersion: AppVersion,
  cursor: z.number().int().min(0),
  lastError: TillSyncError.nullable(),
});
export type TillReport = z.infer<typeof TillReport>;

/** Chain settings for the tills' sync: when a till counts as silent, and the oldest app version HQ still takes. */
export const TillSyncSettings = z.strictObject({
  silentAfterMinutes: z.number().int().min(5, 'at least 5 minutes').max(10_080, 'at most a week'),
  minAppVersion: AppVersion.nullable(),
});
export type TillSyncSettings = z.infer<typeof TillSyncSettings>;

export const defaultTillSyncSettings: TillSyncSettings = { silentAfterMinutes: 60, minAppVersion: null };

/** How a rejected document stands: waiting for a manager, sent again on the manager's word, or settled by an accepted correction. */
export const RejectionStatus = z.enum(['open', 'resend', 'resent', 'settled']);
export type RejectionStatus = z.infer<typeof RejectionStatus>;

/** A document HQ rejected in a push, with its reason and what the manager did about it. */
export const SyncRejection = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  storeId: z.uuid(),
  documentId: z.string(),
  kind: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  firstRejectedAt: IsoDateTime,
  lastRejectedAt: IsoDateTime,
  times: z.number().int(),
  status: RejectionStatus,
  note: z.string().nullable(),
  resolvedAt: IsoDateTime.nullable(),
});
export type SyncRejection = z.infer<typeof SyncRejection>;

export const AcceptCorrectionBody = z.strictObject({
  note: SafeText.pipe(z.string().trim().min(1, 'say what was corrected').max(500)),
});
export type AcceptCorrectionBody = z.infer<typeof AcceptCorrectionBody>;

/** The most changes HQ counts when it says how far behind a till's catalog is. */
export const CATALOG_BEHIND_CAP = 10_000;

/** One till as HQ sees it. */
export const TillMonitorRow = z.object({
  deviceId: z.uuid(),
  deviceCode: z.string(),
  deviceName: z.string(),
  storeId: z.uuid(),
  revoked: z.boolean(),
  lastPullAt: IsoDateTime.nullable(),
  lastPushAt: IsoDateTime.nullable(),
  /** The later of the two; null for a till that never synced. */
  lastContactAt: IsoDateTime.nullable(),
  /** Not heard from for longer than the chain's `silentAfterMinutes` (a revoked till never is). */
  silent: z.boolean(),
  /** The till's last report; null for a till that never sent one (a version from before reports). */
  report: TillReport.omit({ rejectedIds: true }).nullable(),
  reportAt: IsoDateTime.nullable(),
  /** Its app version is below the chain's minimum, so HQ refuses its syncs. */
  versionRefused: z.boolean(),
  /** Changes for this till after the cursor its last pull handed out, up to `CATALOG_BEHIND_CAP`; null before its first pull. */
  catalogBehind: z.number().int().nullable(),
  /** Its documents HQ rejected that no manager has settled (open, or to be sent again). */
  rejections: z.array(SyncRejection),
});
export type TillMonitorRow = z.infer<typeof TillMonitorRow>;

export const TillMonitorQuery = z.object({ storeId: z.uuid().optional() });
export type TillMonitorQuery = z.infer<typeof TillMonitorQuery>;

export const TillMonitor = z.object({
  settings: TillSyncSettings,
  asOf: IsoDateTime,
  tills: z.array(TillMonitorRow),
});
export type TillMonitor = z.infer<typeof TillMonitor>;

/** What HQ tells a till to do with a document it holds as rejected: push it again, or drop it from its rejected list as settled. */
export const OutboxInstruction = z.object({
  documentId: z.string(),
  action: z.enum(['resend', 'settle']),
  note: z.string().nullable(),
});
export type OutboxInstruction = z.infer<typeof OutboxInstruction>;
