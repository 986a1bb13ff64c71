import { z } from 'zod';
import { CurrencyCode, IsoDateTime, TimeZone } from './common';

export const UserRole = z.enum(['hq_admin', 'region_manager', 'franchisee', 'store_manager', 'cashier']);
export type UserRole = z.infer<typeof UserRole>;

export const StoreOperation = z.enum(['direct', 'franchise']);
export const StoreConnectivity = z.enum(['online', 'batch', 'managed']);

export const Store = z.object({
  id: z.uuid(),
  code: z.string().min(1).max(32),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  operation: StoreOperation,
  connectivity: StoreConnectivity,
  franchiseeId: z.uuid().nullable(),
  timeZone: TimeZone,
  currency: CurrencyCode,
  active: z.boolean(),
});
export type Store = z.infer<typeof Store>;

export const ClerkRole = z.enum(['cashier', 'store_manager', 'sales_clerk']);
export type ClerkRole = z.infer<typeof ClerkRole>;

/** A PIN hash in the form the till can check offline with WebCrypto (PBKDF2-SHA-256). */
export const PinHash = z.object({
  algorithm: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().min(1),
  salt: z.string().min(1),
  hash: z.string().min(1),
});
export type PinHash = z.infer<typeof PinHash>;

/** A clerk as a till holds it: enough to sign in offline and to credit lines. */
export const Clerk = z.object({
  id: z.uuid(),
  storeId: z.uuid().nullable(),
  code: z.string().regex(/^\d{3,8}$/, 'a clerk code is 3 to 8 digits'),
  name: z.string().min(1),
  role: ClerkRole,
  active: z.boolean(),
  pin: PinHash,
  /** The barcode on the clerk's badge (工牌); scanning it at sign-in stands for typing the code. */
  badgeCode: z.string().min(1).nullable().optional(),
  /** The till role whose permissions decide the clerk's function keys; null: the defaults of `role`. */
  permissionRoleId: z.uuid().nullable().optional(),
});
export type Clerk = z.infer<typeof Clerk>;

export const TillDevice = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  code: z.string().min(1).max(16),
  name: z.string().min(1),
  pairedAt: IsoDateTime.nullable(),
});
export type TillDevice = z.infer<typeof TillDevice>;
