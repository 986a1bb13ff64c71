import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant, money } from '../db/columns';
import { permissionRoles } from '../roles/roles.tables';

export const storeOperation = pgEnum('store_operation', ['direct', 'franchise']);
export const storeConnectivity = pgEnum('store_connectivity', ['online', 'batch', 'managed']);
/** Where an office user works, which decides the stores they see; what they may do there is their permission role. */
export const userRole = pgEnum('user_role', ['hq_admin', 'region_manager', 'franchisee', 'store_manager', 'cashier']);
export const settlementCycle = pgEnum('settlement_cycle', ['monthly', 'quarterly']);
export const storePricingPolicy = pgEnum('store_pricing_policy', ['hq_only', 'franchisee', 'franchisee_and_store_manager']);
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
    /** The names of the six custom product attributes, `[{ slot, nameZh, nameEn }]`. */
    productAttributeNames: jsonb('product_attribute_names').notNull().default([]),
    /** Who may set a store's own retail price (门店自主定价), always inside HQ's band. */
    storePricingPolicy: storePricingPolicy('store_pricing_policy').notNull().default('hq_only'),
    /** The band around the chain price, in basis points either side, for a product HQ gave no band of its own. */
    storePriceBandBp: integer('store_price_band_bp').notNull().default(1000),
    /** The chain's `ReturnPolicy` (退换货): claw-back of promotions, the refund above which a manager approves, vouchers as cash. */
    returnPolicy: jsonb('return_policy').notNull().default({ clawBackPromotions: false, managerPinAboveMinor: null, vouchersAsCash: false }),
    updatedAt: instant('updated_at').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [
    check('chain_settings_rounding_unit', sql`${t.cashRoundingUnitMinor} in (1, 10, 100)`),
    check('chain_settings_price_band', sql`${t.storePriceBandBp} between 0 and 10000`),
    index('chain_settings_sync').on(t.chainId, t.changeSeq),
  ],
);

/** Franchisees (加盟商) with the terms of their contract. */
export const franchisees = pgTable(
  'franchisees',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contact: text('contact'),
    phone: text('phone'),
    /** Royalty (特许权使用费) on net sales, in basis points. */
    royaltyRateBp: integer('royalty_rate_bp').notNull().default(0),
    /** The settlement cycle (做期). */
    settlementCycle: settlementCycle('settlement_cycle').notNull().default('monthly'),
    creditLimitMinor: money('credit_limit_minor').notNull().default(0),
    contractStart: date('contract_start', { mode: 'string' }),
    contractEnd: date('contract_end', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('franchisees_chain_code').on(t.chainId, t.code),
    check('franchisees_royalty', sql`${t.royaltyRateBp} between 0 and 10000`),
    check('franchisees_credit', sql`${t.creditLimitMinor} >= 0`),
  ],
);

/** Regions or branches (区域/分公司): an optional level between HQ and stores, nested as deep as a chain needs. */
export const regions = pgTable(
  'regions',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('regions_chain_code').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.parentId], foreignColumns: [t.chainId, t.id] }),
  ],
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
    regionId: uuid('region_id'),
    address: text('address'),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    openedOn: date('opened_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('stores_chain_code').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.franchiseeId], foreignColumns: [franchisees.chainId, franchisees.id] }),
    foreignKey({ columns: [t.chainId, t.regionId], foreignColumns: [regions.chainId, regions.id] }),
    index('stores_franchisee').on(t.chainId, t.franchiseeId),
    index('stores_sync').on(t.chainId, t.changeSeq),
  ],
);

export const storeEventKind = pgEnum('store_event_kind', ['opened', 'closed', 'reopened', 'franchisee_changed', 'region_changed']);

/**
 * A store's history as HQ acted on it: opened, closed, moved to another franchisee or region.
 * Who owned a store on a day is read from here, so sales stay with the franchisee of their day.
 */
export const storeEvents = pgTable(
  'store_events',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    storeId: uuid('store_id').notNull(),
    kind: storeEventKind('kind').notNull(),
    /** The business date it takes effect, in the store's time zone. */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    fromFranchiseeId: uuid('from_franchisee_id'),
    toFranchiseeId: uuid('to_franchisee_id'),
    fromRegionId: uuid('from_region_id'),
    toRegionId: uuid('to_region_id'),
    note: text('note'),
    byUserId: uuid('by_user_id'),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    index('store_events_store').on(t.chainId, t.storeId, t.effectiveOn),
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
    regionId: uuid('region_id'),
    storeId: uuid('store_id'),
    /** What the user may do in the office; null: everything their level allows. */
    permissionRoleId: uuid('permission_role_id'),
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
    foreignKey({ columns: [t.chainId, t.regionId], foreignColumns: [regions.chainId, regions.id] }),
    foreignKey({ columns: [t.chainId, t.permissionRoleId], foreignColumns: [permissionRoles.chainId, permissionRoles.id] }),
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
    /** The barcode on the clerk's badge (工牌), scanned to sign in or to name a line's clerk. */
    badgeCode: text('badge_code'),
    /** The clerk's commission grade (提成级别), as the chain's commission plans name grades. */
    commissionGrade: text('commission_grade'),
    /** What the clerk's function keys do at the till; null: the defaults of their clerk role. */
    permissionRoleId: uuid('permission_role_id'),
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
    unique('clerks_chain_badge').on(t.chainId, t.badgeCode),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
    foreignKey({ columns: [t.chainId, t.permissionRoleId], foreignColumns: [permissionRoles.chainId, permissionRoles.id] }),
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
