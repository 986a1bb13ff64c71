import { z } from 'zod';
import { IsoDateTime, SafeText, SearchText } from './common';
import { ClerkRole, UserRole } from './org';

/** A page of a list as the office's paging contract answers it. */
export const pageOfItems = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().nonnegative() });

const listPaging = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: SearchText(60).optional(),
};

/** Several values of a filter, comma-separated in the query string (`level=franchisee,store_manager`). */
const commaList = <T extends string>(values: z.ZodEnum<{ [K in T]: K }>) =>
  z.string().max(200).transform((text) => text.split(',').filter(Boolean)).pipe(z.array(values).max(10));

const ActiveFilter = z.enum(['true', 'false']).transform((text) => text === 'true');

/** The levels a new office user may have; `cashier` is an old level kept for the accounts that have it. */
export const NewUserLevel = z.enum(['hq_admin', 'region_manager', 'franchisee', 'store_manager']);
export type NewUserLevel = z.infer<typeof NewUserLevel>;

/**
 * An office password: 8 to 200 characters with at least a letter and a digit. Long passphrases
 * are welcome; the lock-out after wrong tries does the rest.
 */
export const OfficePassword = z
  .string()
  .min(8, 'at least 8 characters')
  .max(200)
  .refine((text) => /\p{L}/u.test(text) && /\d/.test(text), 'must hold a letter and a digit');

/** An office user as the people screens show them; never their password hash. */
export const OfficeUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  /** Where they work, which decides the stores they see. */
  level: UserRole,
  franchiseeId: z.uuid().nullable(),
  regionId: z.uuid().nullable(),
  storeId: z.uuid().nullable(),
  /** What they may do; null: their level's defaults. */
  permissionRoleId: z.uuid().nullable(),
  active: z.boolean(),
  lockedUntil: IsoDateTime.nullable(),
});
export type OfficeUser = z.infer<typeof OfficeUser>;

export const OfficeUserPage = pageOfItems(OfficeUser);
export type OfficeUserPage = z.infer<typeof OfficeUserPage>;

export const OfficeUserListQuery = z.object({
  ...listPaging,
  sort: z.enum(['name', 'email', 'level']).default('name'),
  level: commaList(UserRole).optional(),
  active: ActiveFilter.optional(),
});
export type OfficeUserListQuery = z.infer<typeof OfficeUserListQuery>;

const userFields = {
  email: z.email().max(200),
  name: SafeText.trim().min(1).max(60),
  level: NewUserLevel,
  franchiseeId: z.uuid().nullable().default(null),
  regionId: z.uuid().nullable().default(null),
  storeId: z.uuid().nullable().default(null),
  permissionRoleId: z.uuid().nullable().default(null),
};

/** Each level is tied to exactly what decides its scope: a franchisee, a region or a store; HQ to nothing. */
const tieOfLevel: Record<NewUserLevel, 'franchiseeId' | 'regionId' | 'storeId' | null> = {
  hq_admin: null, region_manager: 'regionId', franchisee: 'franchiseeId', store_manager: 'storeId',
};
const ties = ['franchiseeId', 'regionId', 'storeId'] as const;

function checkTies(user: { level: NewUserLevel } & Record<(typeof ties)[number], string | null>, ctx: z.RefinementCtx): void {
  const tie = tieOfLevel[user.level];
  for (const field of ties) {
    if (field === tie && user[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: `a ${user.level} is tied to one` });
    if (field !== tie && user[field] !== null) ctx.addIssue({ code: 'custom', path: [field], message: `a ${user.level} is not tied to one` });
  }
}

export const CreateOfficeUserBody = z.object({ ...userFields, password: OfficePassword }).strict().superRefine(checkTies);
export type CreateOfficeUserBody = z.infer<typeof CreateOfficeUserBody>;

export const UpdateOfficeUserBody = z.object(userFields).strict().superRefine(checkTies);
export type UpdateOfficeUserBody = z.infer<typeof UpdateOfficeUserBody>;

export const ResetPasswordBody = z.object({ password: OfficePassword }).strict();
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** A clerk's code as the till's sign-in takes it. */
export const ClerkCode = z.string().regex(/^\d{3,8}$/, 'a clerk code is 3 to 8 digits');
/** The barcode printed on a clerk's badge (工牌): 6 to 18 digits, so any badge printer's EAN/Code 128 can carry it. */
export const BadgeCode = z.string().regex(/^\d{6,18}$/, 'a badge barcode is 6 to 18 digits');
/** A commission grade (提成级别) as commission plans name it: 1 to 4 capital letters or digits (A, B, C, S1…). */
export const CommissionGrade = z.string().regex(/^[A-Z0-9]{1,4}$/, 'a grade is 1 to 4 capital letters or digits, such as A');
export const ClerkPin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** A clerk as the people screens show them; never their PIN hash. */
export const ClerkRecord = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  /** Null: the clerk works in any store of the chain. */
  storeId: z.uuid().nullable(),
  role: ClerkRole,
  badgeCode: z.string().nullable(),
  commissionGrade: z.string().nullable(),
  /** The till role for their function keys; null: their clerk role's defaults. */
  permissionRoleId: z.uuid().nullable(),
  active: z.boolean(),
  lockedUntil: IsoDateTime.nullable(),
});
export type ClerkRecord = z.infer<typeof ClerkRecord>;

export const ClerkPage = pageOfItems(ClerkRecord);
export type ClerkPage = z.infer<typeof ClerkPage>;

export const ClerkListQuery = z.object({
  ...listPaging,
  sort: z.enum(['code', 'name', 'role']).default('code'),
  storeId: z.uuid({ message: 'must be a UUID' }).optional(),
  role: commaList(ClerkRole).optional(),
  active: ActiveFilter.optional(),
});
export type ClerkListQuery = z.infer<typeof ClerkListQuery>;

const clerkFields = {
  code: ClerkCode,
  name: SafeText.trim().min(1).max(60),
  storeId: z.uuid().nullable().default(null),
  role: ClerkRole,
  badgeCode: BadgeCode.nullable().default(null),
  commissionGrade: CommissionGrade.nullable().default(null),
  permissionRoleId: z.uuid().nullable().default(null),
};

export const CreateClerkBody = z.object({ ...clerkFields, pin: ClerkPin }).strict();
export type CreateClerkBody = z.infer<typeof CreateClerkBody>;

export const UpdateClerkBody = z.object(clerkFields).strict();
export type UpdateClerkBody = z.infer<typeof UpdateClerkBody>;

export const ResetPinBody = z.object({ pin: ClerkPin }).strict();
export type ResetPinBody = z.infer<typeof ResetPinBody>;
