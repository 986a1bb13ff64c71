import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant } from '../db/columns';
import { chains } from '../org/org.tables';

/** An office role governs office users; a till role governs clerks' function keys. */
export const permissionRoleKind = pgEnum('permission_role_kind', ['office', 'till']);

/**
 * Roles and their permissions (权限), configured per chain. `permissions` holds the shared
 * `OfficePermissions` or `TillPermissions` shape by `kind`, checked with zod on every write.
 * Till roles reach the tills by pull, so the till enforces them offline.
 */
export const permissionRoles = pgTable(
  'permission_roles',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    kind: permissionRoleKind('kind').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    permissions: jsonb('permissions').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('permission_roles_chain_code').on(t.chainId, t.code),
    index('permission_roles_sync').on(t.chainId, t.changeSeq),
  ],
);

/** Each print or export of a report, so a role's "how often" limit (报表打印权限) can be counted. */
export const reportOutputs = pgTable(
  'report_outputs',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    report: text('report').notNull(),
    /** `print`, `csv` or `xlsx`. */
    format: text('format').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('report_outputs_user').on(t.chainId, t.userId, t.report, t.at)],
);
