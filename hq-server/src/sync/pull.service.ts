import type { Change, PullQuery, PullResponse } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { DevicePrincipal } from '../http/app-env';
import { requireOpenStore } from '../org/store-open';

/**
 * Each entity a till pulls, as one sub-select shaped like its wire schema. Stores, store
 * prices, clerks and assortments are limited to the till's own store. Promotions all go to
 * every till: a rule edited to leave a store must still reach that store to stop applying there.
 */
export function entitySelects(device: Pick<DevicePrincipal, 'chainId' | 'storeId'>, cursor: number, limit: number): SQL[] {
  const page = (entity: string, table: string, data: SQL, scope?: SQL) => sql`(
    select change_seq as seq, ${entity}::text as entity, ${data} as data from ${sql.identifier(table)}
    where chain_id = ${device.chainId} and change_seq > ${cursor} ${scope ? sql`and ${scope}` : sql``}
    order by change_seq limit ${limit})`;
  return [
    page('store', 'stores', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en, 'operation', operation,
      'connectivity', connectivity, 'franchiseeId', franchisee_id, 'timeZone', time_zone, 'currency', currency, 'active', active)`, sql`id = ${device.storeId}`),
    page('category', 'categories', sql`json_build_object('id', id, 'parentId', parent_id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en,
      'sortOrder', sort_order, 'active', active)`),
    page('product', 'products', sql`json_build_object('id', id, 'sku', sku, 'nameZh', name_zh, 'nameEn', name_en, 'categoryId', category_id,
      'brandId', brand_id, 'unit', unit, 'weighed', weighed, 'scaleItemCode', scale_item_code, 'status', status, 'discontinuedFrom', discontinued_from,
      'pinyin', pinyin, 'pinyinInitials', pinyin_initials, 'active', active)`),
    page('barcode', 'barcodes', sql`json_build_object('code', code, 'productId', product_id, 'active', active)`),
    page('price', 'prices', sql`json_build_object('id', id, 'productId', product_id, 'storeId', store_id, 'kind', kind, 'memberLevelId', member_level_id,
      'amountMinor', amount_minor, 'effectiveFrom', effective_from, 'active', active)`, sql`(store_id is null or store_id = ${device.storeId})`),
    page('clerk', 'clerks', sql`json_build_object('id', id, 'storeId', store_id, 'code', code, 'name', name, 'role', role, 'active', active,
      'badgeCode', badge_code, 'permissionRoleId', permission_role_id,
      'pin', json_build_object('algorithm', 'pbkdf2-sha256', 'iterations', pin_iterations, 'salt', pin_salt, 'hash', pin_hash))`,
      sql`(store_id is null or store_id = ${device.storeId})`),
    page('member_level', 'member_levels', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en, 'active', active)`),
    page('promotion', 'promotions', sql`json_build_object('id', id, 'status', status, 'rule', rule, 'updatedAt', updated_at)`),
    page('pricing_settings', 'chain_settings', sql`json_build_object('chainId', chain_id,
      'cashRounding', json_build_object('unitMinor', cash_rounding_unit_minor, 'mode', cash_rounding_mode), 'scaleLayouts', scale_layouts,
      'returns', return_policy)`),
    page('store_assortment', 'store_assortments', sql`json_build_object('storeId', store_id, 'mode', mode)`, sql`store_id = ${device.storeId}`),
    page('assortment_item', 'assortment_items', sql`json_build_object('storeId', store_id, 'productId', product_id, 'active', active)`,
      sql`store_id = ${device.storeId}`),
    page('till_role', 'permission_roles', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en,
      'permissions', permissions, 'active', active)`, sql`kind = 'till'`),
    page('cash_reason', 'cash_reasons', sql`json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en, 'direction', direction,
      'sortOrder', sort_order, 'active', active)`),
    page('till_shortcuts', 'till_shortcuts', sql`json_build_object('chainId', chain_id, 'shortcuts', shortcuts)`),
  ];
}

/**
 * Changes after the cursor, in sequence order, in one statement so they come from one
 * snapshot. Each entity's sub-select is limited too, so the merged page is exactly the
 * first `limit` changes of all entities together.
 */
export async function pullChanges(db: Db, device: DevicePrincipal, { cursor, limit }: PullQuery): Promise<PullResponse> {
  await requireOpenStore(db, device.chainId, device.storeId);
  const union = sql.join(entitySelects(device, cursor, limit + 1), sql` union all `);
  const rows = await query<{ seq: string | number; entity: Change['entity']; data: unknown }>(
    db,
    sql`select seq, entity, data from (${union}) as changes order by seq limit ${limit + 1}`,
  );
  const head = await query<{ last_value: string | number; is_called: boolean }>(db, sql`select last_value, is_called from sync_change_seq`);
  const all = rows.map((row) => ({ seq: Number(row.seq), entity: row.entity, data: row.data }) as Change);
  const changes = all.slice(0, limit);
  const headRow = head[0];
  const headSeq = headRow?.is_called ? Number(headRow.last_value) : 0;
  return { changes, cursor: changes.at(-1)?.seq ?? cursor, hasMore: all.length > limit, headSeq };
}
