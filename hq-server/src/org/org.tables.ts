import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant } from '../db/columns';

export const storeOperation = pgEnum('store_operation', ['direct', 'franchise']);
export const storeConnectivity = pgEnum('store_connectivity', ['online', 'batch', 'managed']);
export const userRole = pgEnum('user_role', ['hq_admin', 'franchisee', 'store_manager', 'cashier']);
export const clerkRole = pgEnum('clerk_role', ['cashier', 'store_manager', 'sales_clerk']);

export const chains = pgTable('chains', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  timeZone: text('time_zone').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const cashRoundingMode = pgEnum('cash_rounding_mode', ['half_up', 'down']);

/**
 * What every till of a chain prices with beyond the catalog: cash rounding (抹零) and the
 * layouts of the labels its scales print. One row a chain; tills pull it.
 */
export const chainSettings = pgTable(
  'chain_settings',
  {
    chainId: uuid('chain_id').primaryKey().references(() => chains.id),
    cashRoundingUnitMinor: integer('cash_rounding_unit_minor').notNull().default(1),
    cashRoundingMode: cashRoundingMode('cash_rounding_mode').notNull().default('half_up'),
    scaleLayouts: jsonb('scale_layouts').notNull().default([]),
    updatedAt: instant('updated_at').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [
    check('chain_settings_rounding_unit', sql`${t.cashRoundingUnitMinor} in (1, 10, 100)`),
    index('chain_settings_sync').on(t.chainId, t.changeSeq),
  ],
);

export const franchisees = pgTable(
  'franchisees',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    contact: text('contact'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

export const stores = pgTable(
  'stores',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    operation: storeOperation('operation').notNull(),
    connectivity: storeConnectivity('connectivity').notNull(),
    franchiseeId: uuid('franchisee_id'),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('stores_chain_code').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.franchiseeId], foreignColumns: [franchisees.chainId, franchisees.id] }),
    index('stores_sync').on(t.chainId, t.changeSeq),
  ],
);

export const users = pgTable(
  'users',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    franchiseeId: uuid('franchisee_id'),
    storeId: uuid('store_id'),
    active: boolean('active').notNull().default(true),
    failedPasswordAttempts: integer('failed_password_attempts').notNull().default(0),
    lockedUntil: instant('locked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('users_chain_email').on(t.chainId, t.email),
    index('users_email').on(t.email),
    foreignKey({ columns: [t.chainId, t.franchiseeId], foreignColumns: [franchisees.chainId, franchisees.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

export const officeSessions = pgTable(
  'office_sessions',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('office_sessions_token').on(t.chainId, t.tokenHash),
    foreignKey({ columns: [t.chainId, t.userId], foreignColumns: [users.chainId, users.id] }),
  ],
);

export const clerks = pgTable(
  'clerks',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    role: clerkRole('role').notNull(),
    pinSalt: text('pin_salt').notNull(),
    pinHash: text('pin_hash').notNull(),
    pinIterations: integer('pin_iterations').notNull(),
    failedPinAttempts: integer('failed_pin_attempts').notNull().default(0),
    lockedUntil: instant('locked_until'),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('clerks_chain_code').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('clerks_sync').on(t.chainId, t.changeSeq),
  ],
);

export const tillDevices = pgTable(
  'till_devices',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash'),
    pairingCodeHash: text('pairing_code_hash'),
    pairingExpiresAt: instant('pairing_expires_at'),
    pairedAt: instant('paired_at'),
    revokedAt: instant('revoked_at'),
    lastSeenAt: instant('last_seen_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('till_devices_chain_code').on(t.chainId, t.code),
    unique('till_devices_token').on(t.chainId, t.tokenHash),
    index('till_devices_pairing').on(t.pairingCodeHash),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

export const clerkSessions = pgTable(
  'clerk_sessions',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    clerkId: uuid('clerk_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('clerk_sessions_token').on(t.chainId, t.tokenHash),
    foreignKey({ columns: [t.chainId, t.clerkId], foreignColumns: [clerks.chainId, clerks.id] }),
    foreignKey({ columns: [t.chainId, t.deviceId], foreignColumns: [tillDevices.chainId, tillDevices.id] }),
  ],
);
