import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { categories } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { Principal } from '../http/app-env';
import { officePermissionsOf } from './office-permissions';

/**
 * Whether the caller sees cost prices and margins (价格权限): by their office role, or their level's
 * default (HQ yes, everyone else no). Tills never see costs.
 */
export async function canSeeCost(db: Db, principal: Principal): Promise<boolean> {
  if (principal.kind !== 'office') return false;
  return (await officePermissionsOf(db, principal)).seeCost;
}

/**
 * The categories whose products and report rows the caller sees (类别数据权限): null for all,
 * else the role's categories and every category below them. Tills see every category.
 */
export async function visibleCategoryIds(db: Db, principal: Principal): Promise<string[] | null> {
  if (principal.kind !== 'office') return null;
  const { categories: granted } = await officePermissionsOf(db, principal);
  if (granted === 'all') return null;
  const rows = await query<{ id: string }>(db, sql`
    with recursive below(id) as (
      select ${categories.id} from ${categories} where ${categories.chainId} = ${principal.chainId} and ${inArray(categories.id, granted)}
      union select c.id from ${categories} c join below on c.parent_id = below.id where c.chain_id = ${principal.chainId}
    ) select id from below`);
  return rows.map((r) => r.id);
}

/**
 * A condition for a query over rows that carry a category id (products, report rows): true for a
 * caller who sees every category, else the row's category must be one they see. Rows without a
 * category are shown only to callers who see all.
 */
export async function categoryCondition(db: Db, principal: Principal, categoryId: PgColumn): Promise<SQL | undefined> {
  const visible = await visibleCategoryIds(db, principal);
  if (visible === null) return undefined;
  return visible.length === 0 ? sql`false` : inArray(categoryId, visible);
}
