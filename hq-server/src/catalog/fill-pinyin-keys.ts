import { eq, isNull, sql, and } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import { members } from '../pricing/pricing.tables';
import { products } from './catalog.tables';
import { pinyinKeys } from './pinyin';

const batch = 1000;

interface Keyed {
  chainId: string;
  id: string;
  pinyin: string;
  initials: string;
}

/** Writes a batch of keys in one statement. */
async function writeKeys(db: Db, table: string, pinyinColumn: string, initialsColumn: string, rows: Keyed[]): Promise<void> {
  if (rows.length === 0) return;
  const values = JSON.stringify(rows.map((r) => ({ chain_id: r.chainId, id: r.id, pinyin: r.pinyin, initials: r.initials })));
  const target = sql.identifier(table);
  await query(db, sql`update ${target} set ${sql.identifier(pinyinColumn)} = v.pinyin, ${sql.identifier(initialsColumn)} = v.initials
    from json_to_recordset(${values}::json) as v(chain_id uuid, id uuid, pinyin text, initials text)
    where ${target}.chain_id = v.chain_id and ${target}.id = v.id`);
}

/**
 * Pinyin keys for rows written before HQ made them (SQL cannot convert Chinese to pinyin, so a
 * migration cannot): members without keys and products whose keys are still empty. Run at
 * start; with nothing to fill it is one indexed look-up per table. HQ makes the keys on every
 * save from then on.
 */
export async function fillPinyinKeys(db: Db): Promise<{ products: number; members: number }> {
  let productCount = 0;
  for (;;) {
    const rows = await db.select({ chainId: products.chainId, id: products.id, nameZh: products.nameZh }).from(products)
      .where(and(eq(products.pinyin, ''), sql`${products.nameZh} <> ''`)).limit(batch);
    const keyed = rows.map((row) => ({ ...row, ...pinyinKeys(row.nameZh) })).filter((row) => row.pinyin !== '');
    await writeKeys(db, 'products', 'pinyin', 'pinyin_initials', keyed);
    productCount += keyed.length;
    if (rows.length < batch || keyed.length === 0) break;
  }
  let memberCount = 0;
  for (;;) {
    const rows = await db.select({ chainId: members.chainId, id: members.id, name: members.name }).from(members).where(isNull(members.namePinyin)).limit(batch);
    if (rows.length === 0) break;
    await writeKeys(db, 'members', 'name_pinyin', 'name_initials', rows.map((row) => ({ ...row, ...pinyinKeys(row.name) })));
    memberCount += rows.length;
  }
  return { products: productCount, members: memberCount };
}
