import type { SalesAnalysisQuery, SalesGrouping, Tender } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';

export interface Label {
  code: string | null;
  nameZh: string;
  nameEn: string;
  /** A category with none under it: drilling into it lists its products. */
  leaf: boolean;
}

const label = (code: string | null, nameZh: string, nameEn = nameZh, leaf = true): Label => ({ code, nameZh, nameEn, leaf });

/** What a part with no id stands for, by grouping. */
const noneLabel: Partial<Record<SalesGrouping, Label>> = {
  region: label(null, '未分区域', 'No region'),
  franchisee: label(null, '总部直营', 'HQ-owned'),
  category: label(null, '未分类', 'Uncategorised'),
  brand: label(null, '无品牌', 'No brand'),
  supplier: label(null, '无供应商', 'No supplier'),
  clerk: label(null, '收银员自售', 'No clerk (cashier)'),
  member_level: label(null, '非会员', 'Non-members'),
};

const tenderLabel: Record<Tender, Label> = {
  cash: label(null, '现金', 'Cash'),
  bank_card: label(null, '银行卡', 'Bank card'),
  stored_value: label(null, '储值卡', 'Stored value'),
  points: label(null, '积分', 'Points'),
  voucher: label(null, '代金券', 'Voucher'),
};

type Named = { id: string; code: string | null; name_zh: string; name_en: string; leaf?: boolean };

/** Names for the keys of an analysis, looked up in one query for the grouping's table. */
export async function labelsOf(
  db: Db, chainId: string, q: SalesAnalysisQuery, keys: readonly string[], stores: ReadonlyMap<string, { code: string; nameZh: string; nameEn: string }>,
): Promise<Map<string, Label>> {
  const labels = new Map<string, Label>();
  const none = noneLabel[q.by];
  if (none) labels.set('none', none);
  const ids = keys.filter((k) => k !== 'none');
  const named = (rows: Named[]) => rows.forEach((r) => labels.set(r.id, label(r.code, r.name_zh, r.name_en, r.leaf ?? true)));
  const lookUp = (table: string, code: string, zh: string, en: string) => query<Named>(db, sql`
    select id::text, ${sql.raw(code)} as code, ${sql.raw(zh)} as name_zh, ${sql.raw(en)} as name_en from ${sql.raw(table)} t
    where chain_id = ${chainId} and id = any(${uuidArray(ids)}::uuid[])`);
  switch (q.by) {
    case 'store':
      for (const id of ids) {
        const store = stores.get(id);
        if (store) labels.set(id, label(store.code, store.nameZh, store.nameEn));
      }
      break;
    case 'region': named(await lookUp('regions', 'code', 'name_zh', 'name_en')); break;
    case 'franchisee': named(await lookUp('franchisees', 'code', 'name', 'name')); break;
    case 'brand': named(await lookUp('brands', 'code', 'name_zh', 'name_en')); break;
    case 'supplier': named(await lookUp('suppliers', 'code', 'name', 'name')); break;
    case 'product': named(await lookUp('products', 'sku', 'name_zh', 'name_en')); break;
    case 'clerk': named(await lookUp('clerks', 'code', 'name', 'name')); break;
    case 'member_level': named(await lookUp('member_levels', 'code', 'name_zh', 'name_en')); break;
    case 'category':
      named(await query<Named>(db, sql`
        select id::text, code, name_zh, name_en, not exists (select 1 from categories c where c.chain_id = t.chain_id and c.parent_id = t.id) as leaf
        from categories t where chain_id = ${chainId} and id = any(${uuidArray(ids)}::uuid[])`));
      break;
    case 'tender':
      for (const id of ids) labels.set(id, tenderLabel[id as Tender] ?? label(null, id));
      break;
    case 'hour':
      for (const id of ids) labels.set(id, label(null, `${id}:00–${String(Number(id) + 1).padStart(2, '0')}:00`));
      break;
    case 'day':
      for (const id of ids) labels.set(id, label(null, id));
      break;
    case 'week':
      for (const id of ids) labels.set(id, label(null, `${id} 起一周`, `Week of ${id}`));
      break;
    case 'month':
      for (const id of ids) labels.set(id, label(null, `${id.slice(0, 4)}年${Number(id.slice(5, 7))}月`, id.slice(0, 7)));
      break;
  }
  return labels;
}
