import { z } from 'zod';
import { IsoDateTime, QueryText, SearchText } from './common';

/**
 * The nouns of what the audit trail records. `recordAudit` takes only these, so the office has a
 * name for every entry in both languages; a new one is added here and named there.
 */
export const AuditEntity = z.enum([
  'assortment', 'brand', 'cash_reason', 'category', 'clerk', 'device', 'franchisee', 'import', 'member', 'member_card', 'member_level', 'member_message_settings', 'permission_role', 'price',
  'price_band', 'price_import', 'pricing_settings', 'product', 'product_attribute_names', 'product_cost', 'promotion', 'region', 'store',
  'points_rule', 'points_settings', 'points_gift_redemption', 'store_pricing_settings', 'supplier', 'supplier_product', 'sync_rejection', 'till_shortcuts', 'till_sync_settings', 'user',
  'membership_settings', 'top_up_rule', 'stored_value_adjustment', 'stored_value_top_up', 'commission_plan', 'commission_settings',
  'franchise_statement',
]);
export type AuditEntity = z.infer<typeof AuditEntity>;

/** What a change did; a store's history adds its events (`opened`, `closed`, `reopened`, `franchisee_changed`, `region_changed`). */
export const AuditAction = z.enum([
  'create', 'update', 'move', 'delete', 'deactivate', 'reactivate', 'archive', 'cancel', 'import', 'pair', 'pairing_code', 'revoke', 'reset_password', 'reset_pin', 'resend', 'accept_correction', 'approve', 'reject',
  'opened', 'closed', 'reopened', 'franchisee_changed', 'region_changed',
  'issue', 'activate', 'report_lost', 'replace', 'set_pin', 'clear_pin', 'attach_child', 'detach_child', 'merge', 'renew',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditActorKind = z.enum(['user', 'clerk', 'device', 'system']);
export type AuditActorKind = z.infer<typeof AuditActorKind>;

/** The audit trail (操作日志) a page at a time, newest first unless asked otherwise (the office paging contract). */
export const AuditQuery = z.object({
  /** One or more entity nouns, comma-separated: `price,promotion`. */
  entity: QueryText(200).regex(/^[a-z_]+(,[a-z_]+)*$/, 'entity nouns, comma-separated').optional(),
  entityId: QueryText(100).optional(),
  actorId: z.uuid().optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  q: SearchText(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  sort: z.enum(['at']).default('at'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.uuid(),
  at: IsoDateTime,
  actor: z.object({ kind: AuditActorKind, id: z.uuid().nullable(), name: z.string().nullable() }),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  /** The store the change is about, when it is about one. */
  storeId: z.uuid().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;
