import { issueToken } from '@pos/hq-server/auth/secrets';
import { query, uuidArray } from '@pos/hq-server/db/query';
import { sql } from 'drizzle-orm';
import { seedFixture, testClock } from '../../support/fixture';
import { createPostgresDatabase, type TestDatabase } from '../../support/test-db';
import type { CatalogItem, TillIdentity } from './till-sale';

export interface BenchChain {
  database: TestDatabase;
  chainId: string;
  stores: number;
  tills: TillIdentity[];
  catalog: CatalogItem[];
  seconds: { seed: number; provision: number };
}

const CLERKS_PER_STORE = 3;

/**
 * A fresh PostgreSQL database with the demo chain (`products` products, no history) seeded at
 * this moment, and beside it `stores` stores of `tillsPerStore` tills each, three clerks a store.
 * The tills are made as HQ makes a paired device: a `dev.<chain>.<secret>` token of which only
 * HQ's hash (`issueToken`) is stored, so no till goes through pairing and its per-address limit.
 * Till i is of store ⌊i / tillsPerStore⌋ + 1, so the first n tills fill whole stores.
 */
export async function provisionChain(serverUrl: string, o: { tills: number; tillsPerStore: number; products: number }): Promise<BenchChain> {
  const database = await createPostgresDatabase(serverUrl);
  let at = performance.now();
  const f = await seedFixture(database, testClock(new Date().toISOString()), o.products);
  const seed = (performance.now() - at) / 1000;
  at = performance.now();
  const { db } = database;
  const chainId = f.chainId;
  const stores = Math.ceil(o.tills / o.tillsPerStore);
  await db.execute(sql`
    insert into stores (chain_id, id, code, name_zh, name_en, operation, connectivity, region_id, time_zone, currency, opened_on)
    select ${chainId}, gen_random_uuid(), 'L' || lpad(n::text, 5, '0'), '压测门店 ' || n, 'Load store ' || n, 'direct', 'online',
           r.ids[1 + n % r.size], 'Asia/Shanghai', 'CNY', date '2020-01-01'
    from generate_series(1, ${stores}) n, (select array_agg(id order by code) as ids, count(*)::int as size from regions where chain_id = ${chainId}) r`);
  await db.execute(sql`
    insert into clerks (chain_id, id, store_id, code, name, role, pin_salt, pin_hash, pin_iterations)
    select ${chainId}, gen_random_uuid(), s.id, s.code || '-' || k, '压测收银员 ' || s.code || '-' || k, 'cashier', 'bench', 'bench', 1
    from stores s, generate_series(1, ${CLERKS_PER_STORE}) k where s.chain_id = ${chainId} and s.code like 'L%'`);
  const made = Array.from({ length: o.tills }, (_, i) => {
    const storeNumber = Math.floor(i / o.tillsPerStore) + 1;
    return { storeNumber, code: `LT${String(i + 1).padStart(5, '0')}`, ...issueToken('dev', chainId) };
  });
  const devices = made.map((d) => ({ store_code: `L${String(d.storeNumber).padStart(5, '0')}`, code: d.code, token_hash: d.hash }));
  await db.execute(sql`
    insert into till_devices (chain_id, id, store_id, code, name, token_hash, paired_at)
    select ${chainId}, gen_random_uuid(), s.id, d.code, 'Load till ' || d.code, d.token_hash, now()
    from jsonb_to_recordset(${JSON.stringify(devices)}::jsonb) as d(store_code text, code text, token_hash text)
    join stores s on s.chain_id = ${chainId} and s.code = d.store_code`);
  const rows = await query<{ code: string; id: string; store_id: string; currency: string; clerk_ids: string[] }>(db, sql`
    select d.code, d.id, d.store_id, s.currency, (select array_agg(c.id order by c.code) from clerks c where c.chain_id = d.chain_id and c.store_id = d.store_id) as clerk_ids
    from till_devices d join stores s on s.chain_id = d.chain_id and s.id = d.store_id
    where d.chain_id = ${chainId} and d.code like 'LT%'`);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const tills = made.map((d): TillIdentity => {
    const row = byCode.get(d.code)!;
    return { deviceId: row.id, deviceCode: d.code, storeId: row.store_id, storeNumber: d.storeNumber, currency: row.currency, clerkIds: row.clerk_ids, token: d.token };
  });
  const catalog = await sellableCatalog(database, chainId);
  await db.execute(sql`analyze`);
  return { database, chainId, stores, tills, catalog, seconds: { seed: round1(seed), provision: round1((performance.now() - at) / 1000) } };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Every product a till sells by the piece, with a barcode, at the chain's retail price in force now. */
async function sellableCatalog(database: TestDatabase, chainId: string): Promise<CatalogItem[]> {
  const rows = await query<{ id: string; barcode: string; name_zh: string; name_en: string; price_minor: string }>(database.db, sql`
    select distinct on (p.id) p.id, b.code as barcode, p.name_zh, p.name_en, pr.amount_minor::text as price_minor
    from products p
    join barcodes b on b.chain_id = p.chain_id and b.product_id = p.id and b.active
    join prices pr on pr.chain_id = p.chain_id and pr.product_id = p.id and pr.store_id is null and pr.kind = 'retail' and pr.active
                  and (pr.effective_from is null or pr.effective_from <= now())
    where p.chain_id = ${chainId} and p.active and p.status <> 'discontinued' and not p.weighed
    order by p.id, pr.effective_from desc nulls last, b.code`);
  if (rows.length === 0) throw new Error('hq-scale bench: the seeded chain has no product to sell');
  return rows.map((r) => ({ id: r.id, barcode: r.barcode, nameZh: r.name_zh, nameEn: r.name_en, priceMinor: Number(r.price_minor) }));
}

/** The change sequence's head: a till that has just loaded its snapshot holds this cursor. */
export async function changeHead(database: TestDatabase): Promise<number> {
  const [row] = await query<{ head: string }>(database.db, sql`select case when is_called then last_value else 0 end::text as head from sync_change_seq`);
  return Number(row?.head ?? 0);
}

/** How many of `ids` are sales HQ holds, how many sales and lines it holds in all, to check each sale is there once. */
export async function countSales(database: TestDatabase, chainId: string, ids: readonly string[]) {
  const [row] = await query<{ found: number; sales: number; lines: number }>(database.db, sql`
    select (select count(*)::int from sales where chain_id = ${chainId} and id = any(${uuidArray(ids)}::uuid[])) as found,
           (select count(*)::int from sales where chain_id = ${chainId}) as sales,
           (select count(*)::int from sale_lines where chain_id = ${chainId}) as lines`);
  return row!;
}
