import type { RejectionStatus, TillReport } from '@pos/shared';
import { bigint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant } from '../db/columns';
import { chains, tillDevices } from '../org/org.tables';

/** The chain's settings for its tills' sync; a chain without a row takes `defaultTillSyncSettings`. */
export const tillSyncSettings = pgTable('till_sync_settings', {
  chainId: uuid('chain_id').primaryKey().references(() => chains.id),
  silentAfterMinutes: integer('silent_after_minutes').notNull(),
  /** The oldest app version HQ still syncs with; null takes every version. */
  minAppVersion: text('min_app_version'),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * One row per till that ever synced: when it last pulled and pushed, the report it last sent, and
 * the cursor its last pull handed out (what it holds once it applied that page).
 */
export const tillSyncStatus = pgTable(
  'till_sync_status',
  {
    chainId: chainId(),
    deviceId: uuid('device_id').notNull(),
    lastPullAt: instant('last_pull_at'),
    lastPushAt: instant('last_push_at'),
    report: jsonb('report').$type<TillReport>(),
    reportAt: instant('report_at'),
    servedCursor: bigint('served_cursor', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.deviceId] }), foreignKey({ columns: [t.chainId, t.deviceId], foreignColumns: [tillDevices.chainId, tillDevices.id] })],
);

/**
 * A document HQ rejected in a push, one row per till and document: rejected again, it counts
 * `times` and opens again. A manager asks for it to be sent again (`resend`, `resent` once HQ
 * took it) or settles it with a note (`settled`); the till hears of either in its next pulls
 * (`instructed_at`), until a later report no longer lists the document (`delivered_at`).
 */
export const syncRejections = pgTable(
  'sync_rejections',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    deviceId: uuid('device_id').notNull(),
    storeId: uuid('store_id').notNull(),
    documentId: text('document_id').notNull(),
    kind: text('kind'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    firstRejectedAt: instant('first_rejected_at').notNull(),
    lastRejectedAt: instant('last_rejected_at').notNull(),
    times: integer('times').notNull().default(1),
    status: text('status').$type<RejectionStatus>().notNull().default('open'),
    note: text('note'),
    resolvedAt: instant('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    /** When a pull first carried the manager's decision to the till. */
    instructedAt: instant('instructed_at'),
    deliveredAt: instant('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('sync_rejections_document').on(t.chainId, t.deviceId, t.documentId),
    index('sync_rejections_store').on(t.chainId, t.storeId, t.status),
    foreignKey({ columns: [t.chainId, t.deviceId], foreignColumns: [tillDevices.chainId, tillDevices.id] }),
  ],
);
