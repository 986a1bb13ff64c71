import type { SnapshotEntity } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { DevicePrincipal } from '../http/app-env';

/**
 * One entity a till holds, defined once for the change feed and the snapshot: its table, its
 * row shaped like its wire schema, which of the chain's rows this till may see, its key (ordered
 * as the till orders its keys: bytewise; a uuid's order is its text's) and which rows a till
 * keeps (`live`; null: all of them).
 */
/** Whose rows an entity is read for: a till's chain and store. */
export type SyncScope = Pick<DevicePrincipal, 'chainId' | 'storeId'>;

export interface SyncEntity {
  entity: SnapshotEntity;
  table: string;
  data: SQL;
  scope: SQL | null;
  key: SQL;
  live: SQL | null;
}

/**
 * Every entity a till pulls, in snapshot order. Stores, store prices, clerks and assortments
 * are limited to the till's own store. Promotions all go to every till: a rule edited to leave
 * a store must still reach that store to stop applying there. The assortment is the till's own
 * store's, so its product id orders it as the till's `[storeId+productId]` key does.
 */
export function syncEntities(device: SyncScope): SyncEntity[] {
  const active = sql`active`;
  const entity = (name: SnapshotEntity, table: string, data: SQL, key: SQL, live: SQL | null, scope: SQL | null = null): SyncEntity => ({ entity: name, table, data, scope, key, live });
  return [
    entity('store', 'stores', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en, 'operation', operation,
      'connectivity', connectivity, 'franchiseeId', franchisee_id, 'timeZone', time_zone, 'currency', currency, 'active', active)`, sql`id`, active, sql`id = ${device.storeId}`),
    entity('pricing_settings', 'chain_settings', sql`json_build_object('chainId', chain_id,
      'cashRounding', json_build_object('unitMinor', cash_rounding_unit_minor, 'mode', cash_rounding_mode), 'scaleLayouts', scale_layouts,
      'returns', return_policy)`, sql`chain_id`, null),
    entity('till_shortcuts', 'till_shortcuts', sql`json_build_object('chainId', chain_id, 'shortcuts', shortcuts)`, sql`chain_id`, null),
    entity('stored_value_allowance', 'membership_settings', sql`json_build_object('chainId', chain_id,
      'cardMinor', offline_card_allowance_minor, 'tillMinor', offline_till_allowance_minor)`, sql`chain_id`, null),
    entity('points_earning', 'points_settings', sql`json_build_object('chainId', chain_id, 'rules', coalesce((
      select json_agg(json_build_object('id', r.id, 'memberLevelId', r.member_level_id, 'categoryId', r.category_id, 'rateBp', r.rate_bp,
        'validFrom', r.valid_from, 'validTo', r.valid_to) order by r.id)
      from points_rules r where r.chain_id = points_settings.chain_id and r.active), '[]'::json))`, sql`chain_id`, null),
    entity('till_role', 'permission_roles', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en,
      'permissions', permissions, 'active', active)`, sql`id`, active, sql`kind = 'till'`),
    entity('clerk', 'clerks', sql`json_build_object('id', id, 'storeId', store_id, 'code', code, 'name', name, 'role', role, 'active', active,
      'badgeCode', badge_code, 'permissionRoleId', permission_role_id,
      'pin', json_build_object('algorithm', 'pbkdf2-sha256', 'iterations', pin_iterations, 'salt', pin_salt, 'hash', pin_hash))`,
      sql`id`, active, sql`(store_id is null or store_id = ${device.storeId})`),
    entity('store_assortment', 'store_assortments', sql`json_build_object('storeId', store_id, 'mode', mode)`, sql`store_id`, null, sql`store_id = ${device.storeId}`),
    entity('assortment_item', 'assortment_items', sql`json_build_object('storeId', store_id, 'productId', product_id, 'active', active)`,
      sql`product_id`, active, sql`store_id = ${device.storeId}`),
    entity('category', 'categories', sql`json_build_object('id', id, 'parentId', parent_id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en,
      'sortOrder', sort_order, 'active', active)`, sql`id`, active),
    entity('product', 'products', sql`json_build_object('id', id, 'sku', sku, 'nameZh', name_zh, 'nameEn', name_en, 'categoryId', category_id,
      'brandId', brand_id, 'unit', unit, 'weighed', weighed, 'scaleItemCode', scale_item_code, 'status', status, 'discontinuedFrom', discontinued_from,
      'pinyin', pinyin, 'pinyinInitials', pinyin_initials, 'active', active)`, sql`id`, active),
    entity('barcode', 'barcodes', sql`json_build_object('code', code, 'productId', product_id, 'active', active)`, sql`code collate "C"`, active),
    entity('price', 'prices', sql`json_build_object('id', id, 'productId', product_id, 'storeId', store_id, 'kind', kind, 'memberLevelId', member_level_id,
      'amountMinor', amount_minor, 'effectiveFrom', effective_from, 'active', active)`, sql`id`, active, sql`(store_id is null or store_id = ${device.storeId})`),
    entity('promotion', 'promotions', sql`json_build_object('id', id, 'status', status, 'rule', rule, 'updatedAt', updated_at)`, sql`id`, null),
    entity('member_level', 'member_levels', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en, 'active', active)`, sql`id`, active),
    entity('cash_reason', 'cash_reasons', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en, 'direction', direction,
      'sortOrder', sort_order, 'active', active)`, sql`id`, active),
  ];
}

/** The rows of an entity this till may see: the chain's, within the entity's scope, plus any further conditions. */
export function entityRows({ table, scope }: SyncEntity, device: SyncScope, ...conditions: SQL[]): SQL {
  const where = [sql`chain_id = ${device.chainId}`, ...(scope ? [scope] : []), ...conditions];
  return sql`from ${sql.identifier(table)} where ${sql.join(where, sql` and `)}`;
}
