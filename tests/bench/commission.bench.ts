import { availableParallelism, loadavg } from 'node:os';
import { commissionResults } from '@pos/hq-server/commission/commission.tables';
import { workCommissionPeriod } from '@pos/hq-server/commission/commission-periods.service';
import { query } from '@pos/hq-server/db/query';
import { stores } from '@pos/hq-server/org/org.tables';
import { and, eq, like, sql } from 'drizzle-orm';
import { json, seedFixture, signInOffice } from '../support/fixture';
import { createPostgresDatabase } from '../support/test-db';
import { numberOption, round, secondsSince } from './stats';

const TARGET_SECONDS = 60;
const PERIOD = '2026-11';

/** `--stores 500 --clerks 20 --sales 300 --parallel 4`: the scale of the month, and how many stores are worked at once. */
function options(args: string[]) {
  const value = (name: string, fallback: number) => numberOption(args, name, fallback);
  return { stores: value('stores', 500), clerks: value('clerks', 20), salesPerDay: value('sales', 300), days: 30, parallel: value('parallel', 4) };
}


/**
 * A month of commission (营业员提成) at HQ on a fresh PostgreSQL database: `stores` stores of
 * `clerks` clerks each, `sales` sales a day per store of two lines each (one in ten shared by two
 * clerks), one in two hundred sales returned in part later in the month, every clerk on duty at a
 * counter every day, with a monthly target. The plan has a default rate, a margin rate on a
 * category (cost prices for every product), a pooled counter and a tier above the target. The
 * month is worked out through `workCommissionPeriod`, the path the office and the close use,
 * then worked out again with nothing changed; the figures are checked to add up.
 */
export default async function commissionBench(args: string[]): Promise<Record<string, unknown>> {
  const o = options(args);
  const loadAtStart = loadavg().map((l) => round(l));
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createPostgresDatabase(serverUrl);
  try {
    const f = await seedFixture(database);
    const { db } = f.deps;
    const chainId = f.chainId;
    const seeding = performance.now();

    const [template] = await db.select().from(stores).where(and(eq(stores.chainId, chainId), eq(stores.code, 'S001')));
    await db.execute(sql`
      insert into stores (chain_id, id, code, name_zh, name_en, operation, connectivity, franchisee_id, region_id, time_zone, currency, opened_on)
      select ${chainId}, gen_random_uuid(), 'B' || lpad(n::text, 4, '0'), '测试店 ' || n, 'Bench store ' || n, ${template!.operation}, ${template!.connectivity}, ${template!.franchiseeId}, ${template!.regionId}, 'Asia/Shanghai', 'CNY', '2020-01-01'
      from generate_series(1, ${o.stores}) n`);
    await db.execute(sql`
      create unlogged table bench_stores as
      select id, row_number() over (order by code) as rn from stores where chain_id = ${chainId} and code like 'B%'`);
    await db.execute(sql`
      insert into clerks (chain_id, id, store_id, code, name, role, commission_grade, pin_salt, pin_hash, pin_iterations)
      select ${chainId}, gen_random_uuid(), s.id, 'B' || s.rn || '-' || c, '营业员 ' || c, 'cashier', case when c <= 4 then 'A' when c <= 10 then 'B' else 'C' end, 'x', 'x', 1
      from bench_stores s, generate_series(1, ${o.clerks}) c`);
    await db.execute(sql`
      create unlogged table bench_clerks as
      select k.id, k.store_id, row_number() over (partition by k.store_id order by k.code) as rn from clerks k join bench_stores s on s.id = k.store_id`);
    await db.execute(sql`
      create unlogged table bench_products as
      select p.id, p.category_id, row_number() over (order by p.id) as rn, 100 + (abs(hashtext(p.id::text)) % 9900) as price from products p where p.chain_id = ${chainId} and p.active`);
    const [{ n: productCount }] = (await query<{ n: number }>(db, sql`select count(*)::int as n from bench_products`)) as [{ n: number }];
    await db.execute(sql`
      insert into product_costs (chain_id, id, product_id, amount_minor, effective_from, entered_at)
      select ${chainId}, gen_random_uuid(), id, price * 6 / 10, '2026-01-01T00:00:00Z', now() from bench_products`);

    // The two most used categories: one pooled at a counter, one paid on margin.
    const [pooled, margin] = await query<{ category_id: string }>(db, sql`
      select category_id from bench_products where category_id is not null group by category_id order by count(*) desc, category_id limit 2`);
    await db.execute(sql`
      insert into counters (chain_id, id, store_id, code, name, category_ids)
      select ${chainId}, gen_random_uuid(), s.id, 'K1', '柜组 1', array[${pooled!.category_id}::uuid] from bench_stores s`);
    await db.execute(sql`
      insert into commission_duty (chain_id, store_id, pool_id, clerk_id, date, minutes)
      select ${chainId}, k.store_id, c.id, k.id, '2026-11-01'::date + d, 360 + (k.rn % 4) * 60
      from bench_clerks k join counters c on c.chain_id = ${chainId} and c.store_id = k.store_id, generate_series(0, ${o.days - 1}) d
      where k.rn <= 6`);
    // A target each clerk just passes: the tier is crossed in the middle of the month.
    const perClerkMonth = Math.round((o.salesPerDay * o.days * 2 * 2 * 5000) / o.clerks);
    await db.execute(sql`
      insert into commission_targets (chain_id, period_key, kind, subject_id, store_id, amount_minor)
      select ${chainId}, ${PERIOD}, 'clerk', id, store_id, ${perClerkMonth} * 8 / 10 from bench_clerks`);
    // The demo chain's plan and figures make way for the bench's: only the bench's stores are worked out.
    await db.execute(sql`delete from commission_plans where chain_id = ${chainId}`);
    await db.execute(sql`delete from commission_store_periods where chain_id = ${chainId}`);
    await db.execute(sql`delete from commission_results where chain_id = ${chainId}`);
    const planned = await f.app.request('/commission/plans', json({
      name: 'Bench plan', validFrom: '2026-01-01', validTo: null, exclusions: { gifts: true, discounted: true, staffTags: ['staff'] }, poolShare: 'hours', gradeWeights: { A: 3, B: 2 },
      rules: [
        { productId: null, categoryId: null, brandId: null, supplierId: null, grade: null, mode: 'personal', rate: { kind: 'tiered', basis: 'net', measure: 'clerk', apply: 'above', tiers: [{ fromTargetBp: 0, bp: 100 }, { fromTargetBp: 10_000, bp: 200 }] } },
        { productId: null, categoryId: pooled!.category_id, brandId: null, supplierId: null, grade: null, mode: 'pooled', rate: { kind: 'percent', basis: 'net', bp: 150 } },
        { productId: null, categoryId: margin!.category_id, brandId: null, supplierId: null, grade: 'A', mode: 'personal', rate: { kind: 'percent', basis: 'margin', bp: 800 } },
      ],
    }, await signInOffice(f, 'hq@demo.pos')));
    if (planned.status !== 201) throw new Error(`plan refused: ${await planned.text()}`);

    await db.execute(sql`
      insert into sales (chain_id, id, store_id, device_id, cashier_id, receipt_no, business_date, currency, started_at, completed_at,
                         subtotal_minor, discount_minor, total_minor, rounding_minor, change_minor, item_count, received_at)
      select ${chainId}, gen_random_uuid(), s.id, s.id, s.id, 'B' || s.rn || '-' || d || '-' || g, '2026-11-01'::date + d, 'CNY', t, t, 0, 0, 0, 0, 0, 2, t + interval '5 seconds'
      from bench_stores s, generate_series(0, ${o.days - 1}) d, generate_series(1, ${o.salesPerDay}) g,
           lateral (select (('2026-11-01'::date + d)::timestamp + interval '9 hours' + g * interval '2 minutes') at time zone 'Asia/Shanghai' as t) at`);
    await db.execute(sql`
      insert into sale_lines (chain_id, id, sale_id, line_no, product_id, name_zh, name_en, quantity, unit_price_minor, gross_minor, discount_minor, net_minor)
      select ${chainId}, gen_random_uuid(), x.id, n, p.id, 'x', 'x', q, p.price, p.price * q, 0, p.price * q
      from sales x cross join generate_series(1, 2) n
      cross join lateral (select 1 + abs(hashtext(x.id::text || n)) % 3 as q, 1 + abs(hashtext(n || x.id::text)) % ${productCount} as pick) r
      join bench_products p on p.rn = r.pick
      where x.chain_id = ${chainId} and x.receipt_no like 'B%'`);
    await db.execute(sql`
      insert into sale_line_clerks (chain_id, sale_id, line_id, clerk_id, share_bp)
      select ${chainId}, l.sale_id, l.id, k.id, case when abs(hashtext(l.id::text)) % 10 = 0 then 6000 else 10000 end
      from sale_lines l join sales x on x.chain_id = l.chain_id and x.id = l.sale_id
      join bench_clerks k on k.store_id = x.store_id and k.rn = 1 + abs(hashtext(l.id::text)) % ${o.clerks}
      where l.chain_id = ${chainId} and x.receipt_no like 'B%'`);
    await db.execute(sql`
      insert into sale_line_clerks (chain_id, sale_id, line_id, clerk_id, share_bp)
      select ${chainId}, c.sale_id, c.line_id, k.id, 4000
      from sale_line_clerks c join sales x on x.chain_id = c.chain_id and x.id = c.sale_id
      join bench_clerks k on k.store_id = x.store_id and k.rn = 1 + (abs(hashtext(c.line_id::text)) + 1) % ${o.clerks}
      where c.chain_id = ${chainId} and c.share_bp = 6000`);
    // What ingest writes beside each sale (`write-sales.ts`), written here as migration 0031 does for sales HQ held before it,
    // in the order HQ received them, so each store's lines lie spread among the others' as they do in a chain's database.
    await db.execute(sql`
      insert into commission_lines (chain_id, store_id, business_date, line_id, sale_id, line_no, completed_at, received_at, product_id, quantity, net_minor, discounted, gift, member_id, clerk_ids, share_bps)
      select x.chain_id, x.store_id, x.business_date, l.id, l.sale_id, l.line_no, x.completed_at, x.received_at, l.product_id, l.quantity, l.net_minor, l.discount_minor > 0, l.gift_rule_id is not null, x.member_id,
             coalesce(k.clerk_ids, '{}'), coalesce(k.share_bps, '{}')
      from sales x join sale_lines l on l.chain_id = x.chain_id and l.sale_id = x.id
      left join (select line_id, array_agg(clerk_id order by share_bp desc, clerk_id) as clerk_ids, array_agg(share_bp order by share_bp desc, clerk_id) as share_bps
                 from sale_line_clerks where chain_id = ${chainId} group by line_id) k on k.line_id = l.id
      where x.chain_id = ${chainId} and x.receipt_no like 'B%'
      order by x.received_at, l.id`);
    await db.execute(sql`
      create unlogged table bench_returned as
      select x.id as sale_id, x.store_id, x.business_date, x.completed_at, l.id as line_id, l.product_id, l.net_minor / l.quantity as unit_net, gen_random_uuid() as return_id
      from sales x join sale_lines l on l.chain_id = x.chain_id and l.sale_id = x.id and l.line_no = 1
      where x.chain_id = ${chainId} and x.receipt_no like 'B%' and abs(hashtext(x.id::text)) % 200 = 0 and x.business_date < '2026-11-25'`);
    await db.execute(sql`
      insert into returns (chain_id, id, store_id, device_id, cashier_id, return_no, business_date, currency, completed_at, original_sale_id, original_store_id, reason,
                           back_minor, clawback_minor, out_minor, credit_minor, refunded_minor, paid_minor, rounding_minor, received_at)
      select ${chainId}, return_id, store_id, store_id, store_id, 'R-' || return_id, business_date + 3, 'CNY', completed_at + interval '3 days', sale_id, store_id, 'changed_mind',
             unit_net, 0, 0, 0, unit_net, 0, 0, completed_at + interval '3 days'
      from bench_returned`);
    await db.execute(sql`
      insert into return_lines (chain_id, id, return_id, direction, sale_line_id, product_id, name_zh, name_en, quantity, amount_minor)
      select ${chainId}, gen_random_uuid(), return_id, 'back', line_id, product_id, 'x', 'x', 1, unit_net from bench_returned`);
    // Autovacuum keeps commission_lines vacuumed as the month's sales arrive (every 0.5% new rows); the seed arrived at once.
    await db.execute(sql`vacuum (analyze) commission_lines`);
    await db.execute(sql`analyze`);
    const [counts] = await query<{ sales: number; lines: number; returns: number }>(db, sql`
      select (select count(*)::int from sales where chain_id = ${chainId}) as sales, (select count(*)::int from sale_lines where chain_id = ${chainId}) as lines,
             (select count(*)::int from returns where chain_id = ${chainId}) as returns`);
    const seedSeconds = secondsSince(seeding);
    console.log(`seeded ${JSON.stringify(counts)} in ${seedSeconds} s`);

    const benchStores = (await db.select({ id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, timeZone: stores.timeZone, franchiseeId: stores.franchiseeId })
      .from(stores).where(and(eq(stores.chainId, chainId), like(stores.code, 'B%'))));

    const first = performance.now();
    const cpuBefore = process.cpuUsage();
    const firstRun = await workCommissionPeriod(f.deps, chainId, benchStores, PERIOD, { parallel: o.parallel });
    const firstSeconds = secondsSince(first);
    const cpu = process.cpuUsage(cpuBefore);
    const hqCpuSeconds = round((cpu.user + cpu.system) / 1e6);
    console.log(`first run ${JSON.stringify(firstRun)} in ${firstSeconds} s, ${hqCpuSeconds} s of the HQ process's CPU`);
    const again = performance.now();
    const secondRun = await workCommissionPeriod(f.deps, chainId, benchStores, PERIOD, { parallel: o.parallel });
    const unchangedSeconds = secondsSince(again);

    // The figures add up: what clerks got of pools plus what no one took equals what pools earned and gave back.
    const [sums] = await query<{ personal: string; pool_total: string; pool_clawback: string; pool_share: string; unassigned: string; rows: string }>(db, sql`
      select coalesce(sum(amount_minor) filter (where beneficiary_kind = 'clerk' and kind in ('sales', 'clawback')), 0)::text as personal,
             coalesce(sum(amount_minor) filter (where kind = 'pool_total'), 0)::text as pool_total,
             coalesce(sum(amount_minor) filter (where beneficiary_kind = 'pool' and kind = 'clawback'), 0)::text as pool_clawback,
             coalesce(sum(amount_minor) filter (where kind = 'pool_share'), 0)::text as pool_share,
             coalesce(sum(amount_minor) filter (where kind = 'unassigned'), 0)::text as unassigned,
             count(*)::text as rows
      from ${commissionResults} where chain_id = ${chainId} and period_key = ${PERIOD}`);
    const poolsBalance = Number(sums!.pool_total) + Number(sums!.pool_clawback) === Number(sums!.pool_share) + Number(sums!.unassigned);

    return {
      scale: { stores: o.stores, clerksPerStore: o.clerks, salesPerStorePerDay: o.salesPerDay, days: o.days, ...counts },
      machine: { cores: availableParallelism(), loadAtStart, database: 'PostgreSQL' },
      parallel: o.parallel,
      seedSeconds,
      firstRun: { seconds: firstSeconds, hqCpuSeconds, ...firstRun },
      unchangedRun: { seconds: unchangedSeconds, ...secondRun },
      figures: { personalMinor: Number(sums!.personal), poolsMinor: Number(sums!.pool_total) + Number(sums!.pool_clawback), resultRows: Number(sums!.rows), poolsBalance },
      target: { seconds: TARGET_SECONDS, met: firstSeconds < TARGET_SECONDS && unchangedSeconds < firstSeconds / 5 && poolsBalance },
    };
  } finally {
    await database.close();
  }
}
