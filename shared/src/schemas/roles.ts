import { z } from 'zod';
import { IsoDateTime, SafeText, SearchText } from './common';
import { pageOfItems } from './people';
import { OfficePermissions, TillPermissions } from './permissions';

export const PermissionRoleKind = z.enum(['office', 'till']);
export type PermissionRoleKind = z.infer<typeof PermissionRoleKind>;

const roleHead = {
  code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'a code is 1 to 32 letters, digits, - or _'),
  nameZh: SafeText.trim().min(1).max(40),
  nameEn: SafeText.trim().min(1).max(60),
  active: z.boolean().default(true),
};

/** A role (权限角色) of the chain: an office role governs office users, a till role clerks' function keys. */
export const PermissionRole = z.discriminatedUnion('kind', [
  z.object({ id: z.uuid(), kind: z.literal('office'), ...roleHead, permissions: OfficePermissions, updatedAt: IsoDateTime, inUse: z.number().int() }),
  z.object({ id: z.uuid(), kind: z.literal('till'), ...roleHead, permissions: TillPermissions, updatedAt: IsoDateTime, inUse: z.number().int() }),
]);
export type PermissionRole = z.infer<typeof PermissionRole>;

export const PermissionRolePage = pageOfItems(PermissionRole);
export type PermissionRolePage = z.infer<typeof PermissionRolePage>;

export const PermissionRoleListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  sort: z.enum(['code', 'nameZh', 'nameEn']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: SearchText(60).optional(),
  kind: PermissionRoleKind.optional(),
  active: z.enum(['true', 'false']).transform((text) => text === 'true').optional(),
});
export type PermissionRoleListQuery = z.infer<typeof PermissionRoleListQuery>;

/** A role as HQ writes it; the kind cannot change once made, so a user never ends up with a till role. */
export const PermissionRoleBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('office'), ...roleHead, permissions: OfficePermissions }).strict(),
  z.object({ kind: z.literal('till'), ...roleHead, permissions: TillPermissions }).strict(),
]);
export type PermissionRoleBody = z.infer<typeof PermissionRoleBody>;
