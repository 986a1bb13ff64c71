import { availableParallelism, loadavg } from 'node:os';
import { query } from '@pos/hq-server/db/query';
import type { OfficePrincipal } from '@pos/hq-server/http/app-env';
import { newId } from '@pos/hq-server/ids';
import { stores, users } from '@pos/hq-server/org/org.tables';
import { runAllocation } from '@pos/hq-server/stock/distribution.service';
import { warehouses } from '@pos/hq-server/stock/stock.tables';
import { allocateProduct, type Allocation, type AllocationClaim } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { seedFixture, type Fixture } from '../support/fixture';
import { createPostgresDatabase } from '../support/test-db';
import { numberOption, round, secondsSince } from './stats';

const TARGET_SECONDS = 10;

/** `--stores 500 --products 10000 --asks 10000`: the chain's size, and how many of the products each store asks for. */
function options(args: string[]) {
  const value = (name: string, fallback: number) => numberOption(args, name, fallback);
  const products = value('products', 10_000);
  return { stores: value('stores', 500), products, asks: Math.min(products, value('asks', products)) };
}


/**
 * One allocation run (配货) at HQ on a fresh PostgreSQL database: a warehouse of its own holding
 * `products` products in packs, `stores` stores each with one requisition waiting, asking for
 * `asks` of them. About one product in five is short at the warehouse (a few have none at all),
 * the rest are held in full. Stores hold stock of one in five of the products they ask for (the
 * others ran out, which is why they ask) and have places in the queue (`store_stock_settings`)
 * from 1 to 7, many unset. The run is `runAllocation`, the path of `POST /stock/allocations`, end
 * to end: its reads, the rules per product, its writes and the allocation it answers with. The
 * result is then checked: every store's claim has its line, no product sends more than the
 * warehouse held or a part of a pack, the requisitions carry what their stores got, and the rules
 * given the same claims propose the same again (that replay is the time of the rules alone).
 */
export default async function allocationBench(args: string[]): Promise<Record<string, unknown>> {
  const o = options(args);
  const loadAtStart = loadavg().map((l) => round(l));
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createPostgresDatabase(serverUrl);
  try {
    const f = await seedFixture(database);
    const seeding = performance.now();
    const warehouseId = await seedChain(f, o);
    const seedSeconds = secondsSince(seeding);
    console.log(`seeded ${o.stores} stores × ${o.asks} of ${o.products} products in ${seedSeconds} s`);

    const [hq] = await f.deps.db.select().from(users).where(and(eq(users.chainId, f.chainId), eq(users.email, 'hq@demo.pos')));
    const principal: OfficePrincipal = { kind: 'office', chainId: f.chainId, userId: hq!.id, sessionId: newId(f.deps.clock), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const allocation = await runAllocation(f.deps, principal, warehouseId);
    const runSeconds = secondsSince(started);
    const cpu = process.cpuUsage(cpuBefore);
    console.log(`allocated in ${runSeconds} s`);

    const checked = await checkAllocation(f, warehouseId, allocation, o);
    return {
      scale: { stores: o.stores, products: o.products, productsAskedPerStore: o.asks, fullSize: o.stores === 500 && o.products === 10_000 && o.asks === o.products },
      machine: { cores: availableParallelism(), loadAtStart, loadAtEnd: loadavg().map((l) => round(l)), database: 'PostgreSQL', note: 'the bench, HQ and PostgreSQL share these cores, with whatever else the machine runs' },
      path: 'runAllocation (POST /stock/allocations) called in process: its reads, the rules, its writes and the allocation it answers with',
      seedSeconds,
      run: { seconds: runSeconds, hqCpuSeconds: round((cpu.user + cpu.system) / 1e6) },
      pureAllocationSeconds: checked.pureSeconds,
      requisitionLines: checked.requisitionLines,
      allocationLinesWritten: checked.linesWritten,
      linesAnswered: allocation.lines.length,
      productsShort: checked.productsShort,
      productsWithNone: checked.productsWithNone,
      unitsAllocated: checked.unitsAllocated,
      target: { seconds: TARGET_SECONDS, met: runSeconds < TARGET_SECONDS },
    };
  } finally {
    await database.close();
  }
}

/**
 * The bench's chain beside the demo's, set-based: a warehouse, stores with their places in the
 * queue, products with packs, each store's stock and one requisition per store, then the
 * warehouse's stock, worked out from what the stores ask so that the share short is known.
 * Every level has its opening movement, so the ledger proof at the end holds.
 */
async function seedChain(f: Fixture, o: ReturnType<typeof options>): Promise<string> {
  const { db, clock } = f.deps;
  const chainId = f.chainId;
  const at = clock().toISOString();
  const warehouseId = newId(clock);
  await db.insert(warehouses).values({ chainId, id: warehouseId, code: 'DC-BENCH', nameZh: '压测配送中心', nameEn: 'Bench distribution centre' });
  const [template] = await db.select().from(stores).where(and(eq(stores.chainId, chainId), eq(stores.code, 'S001')));
  await db.execute(sql`
    insert into stores (chain_id, id, code, name_zh, name_en, operation, connectivity, franchisee_id, region_id, time_zone, currency, opened_on)
    select ${chainId}, gen_random_uuid(), 'B' || lpad(n::text, 4, '0'), '压测店 ' || n, 'Bench store ' || n, ${template!.operation}, ${template!.connectivity}, ${template!.franchiseeId}, ${template!.regionId}, 'Asia/Shanghai', 'CNY', '2020-01-01'
    from generate_series(1, ${o.stores}) n`);
  await db.execute(sql`create unlogged table bench_stores as select id, row_number() over (order by code)::int as rn from stores where chain_id = ${chainId} and code like 'B%'`);
  // A few flagship stores first, a fifth ahead of the middle, one in ten behind it, the rest at the default (half of them set, half never placed).
  await db.execute(sql`
    insert into store_stock_settings (chain_id, store_id, allocation_priority)
    select ${chainId}, id, case when rn % 25 = 1 then 1 when rn % 5 = 2 then 3 when rn % 10 = 3 then 7 else 5 end
    from bench_stores where rn % 25 = 1 or rn % 5 = 2 or rn % 10 in (3, 4, 6, 8)`);
  await db.execute(sql`
    insert into products (chain_id, id, sku, name_zh, name_en, unit)
    select ${chainId}, gen_random_uuid(), 'BENCH-' || lpad(n::text, 6, '0'), '压测商品 ' || n, 'Bench product ' || n, 'piece'
    from generate_series(1, ${o.products}) n`);
  await db.execute(sql`
    create unlogged table bench_products as
    select id, rn, (array[1, 6, 12, 24])[1 + rn % 4] as pack_size from (select id, row_number() over (order by sku)::int as rn from products where chain_id = ${chainId} and sku like 'BENCH-%') p`);
  // One product in ten has no pack size set, and goes out one unit at a time.
  await db.execute(sql`insert into product_packs (chain_id, product_id, pack_size) select ${chainId}, id, pack_size from bench_products where rn % 10 <> 5`);
  await db.execute(sql`update bench_products set pack_size = 1 where rn % 10 = 5`);

  const last = (await query<{ last: number }>(db, sql`select coalesce((select last from document_numbers where chain_id = ${chainId} and kind = 'R'), 0) as last`))[0]!.last;
  await db.execute(sql`
    insert into requisitions (chain_id, id, no, store_id, warehouse_id, kind, status, created_by, created_at, updated_at)
    select ${chainId}, gen_random_uuid(), 'R' || lpad((${last} + rn)::text, 6, '0'), s.id, ${warehouseId}, 'request', 'asked', u.id, t, t
    from bench_stores s, (select id from users where chain_id = ${chainId} and email = 'hq@demo.pos') u,
         lateral (select ${at}::timestamptz - (${o.stores} - rn) * interval '1 minute' as t) created`);
  await db.execute(sql`
    insert into document_numbers (chain_id, kind, last) values (${chainId}, 'R', ${last + o.stores})
    on conflict (chain_id, kind) do update set last = excluded.last`);
  // Each store asks for `asks` products, a different run of them per store, 1 to 48 units each.
  await db.execute(sql`
    insert into requisition_lines (chain_id, requisition_id, product_id, asked)
    select ${chainId}, r.id, p.id, 1 + abs(hashtext(s.rn || '/' || p.rn)) % 48
    from bench_stores s join requisitions r on r.chain_id = ${chainId} and r.store_id = s.id
    join bench_products p on (p.rn - s.rn * 37 + ${o.products * o.stores}) % ${o.products} < ${o.asks}`);
  await db.execute(sql`
    insert into stock_levels (chain_id, store_id, product_id, quantity, updated_at)
    select ${chainId}, r.store_id, l.product_id, 1 + abs(hashtext(l.product_id::text || r.store_id::text)) % 40, ${at}
    from requisition_lines l join requisitions r on r.chain_id = l.chain_id and r.id = l.requisition_id
    where r.chain_id = ${chainId} and r.warehouse_id = ${warehouseId} and abs(hashtext(r.store_id::text || l.product_id::text)) % 5 = 0`);
  // What every store may take of each product, in packs; short products get 30–90% of it (one in fifty none), the rest all of it and odd units over.
  await db.execute(sql`
    insert into stock_levels (chain_id, store_id, product_id, quantity, updated_at)
    select ${chainId}, ${warehouseId}, p.id,
           case when p.rn % 50 = 7 then 0
                when p.rn % 5 = 0 then floor(w.packs * (0.3 + (p.rn % 7) / 10.0))::int * p.pack_size + p.rn % p.pack_size
                else w.packs * p.pack_size + p.rn % p.pack_size end, ${at}
    from bench_products p join (
      select l.product_id, sum(ceil(l.asked::numeric / p.pack_size))::int as packs
      from requisition_lines l join bench_products p on p.id = l.product_id
      where l.chain_id = ${chainId} group by l.product_id) w on w.product_id = p.id
    where p.rn % 50 = 7 or w.packs > 0`);
  await db.execute(sql`
    insert into stock_movements (chain_id, id, store_id, product_id, delta, reason, document_id, created_at)
    select l.chain_id, gen_random_uuid(), l.store_id, l.product_id, l.quantity, 'opening', l.store_id, ${at}
    from stock_levels l
    where l.chain_id = ${chainId} and (l.store_id = ${warehouseId} or l.store_id in (select id from bench_stores)) and l.quantity <> 0`);
  // Autovacuum keeps these vacuumed and analysed as a chain's requisitions and stock arrive over days; the seed wrote them at once.
  await db.execute(sql`vacuum (analyze) stock_levels, requisition_lines, requisitions`);
  await db.execute(sql`analyze`);
  return warehouseId;
}

/**
 * Fails loudly unless the run is sane: a line for every store's claim, written and answered; per
 * product no more than the warehouse held and whole packs only; each requisition carrying what its
 * store got and allocated when it got something; the products short those the seed made short; and
 * the rules, given the answered claims again, proposing the same (timed: the rules alone).
 */
async function checkAllocation(f: Fixture, warehouseId: string, allocation: Allocation, o: ReturnType<typeof options>) {
  const { db } = f.deps;
  const chainId = f.chainId;
  const fail = (message: string): never => {
    throw new Error(`allocation bench: ${message}`);
  };
  const [facts] = await query<{ requisition_lines: number; claims: number; written: number; over_held: number; part_packs: number; spread_wrong: number; status_wrong: number; expected_short: number }>(db, sql`
    with bench_requisitions as (select id, store_id, status from requisitions where chain_id = ${chainId} and warehouse_id = ${warehouseId}),
    written as (select * from allocation_lines where chain_id = ${chainId} and allocation_id = ${allocation.id}),
    given as (
      select r.store_id, l.product_id, sum(l.allocated) as allocated
      from requisition_lines l join bench_requisitions r on r.id = l.requisition_id where l.chain_id = ${chainId} group by r.store_id, l.product_id)
    select (select count(*)::int from requisition_lines l join bench_requisitions r on r.id = l.requisition_id where l.chain_id = ${chainId}) as requisition_lines,
           (select count(*)::int from given) as claims,
           (select count(*)::int from written) as written,
           (select count(*)::int from (select product_id, sum(quantity) as sent from written group by product_id) w
              left join stock_levels s on s.chain_id = ${chainId} and s.store_id = ${warehouseId} and s.product_id = w.product_id
             where w.sent > coalesce(s.quantity, 0)) as over_held,
           (select count(*)::int from written where quantity % pack_size <> 0 or quantity <> proposed) as part_packs,
           (select count(*)::int from given g full join written w on w.store_id = g.store_id and w.product_id = g.product_id
             where g.allocated is distinct from w.quantity) as spread_wrong,
           (select count(*)::int from bench_requisitions r
             where r.status <> (case when exists (select 1 from requisition_lines l where l.chain_id = ${chainId} and l.requisition_id = r.id and l.allocated > 0)
                                     then 'allocated' else 'asked' end)::requisition_status) as status_wrong,
           (select count(distinct p.id)::int from bench_products p join requisition_lines l on l.chain_id = ${chainId} and l.product_id = p.id
             where p.rn % 5 = 0 or p.rn % 50 = 7) as expected_short`);
  const expectedLines = o.stores * o.asks;
  if (facts!.requisition_lines !== expectedLines || facts!.claims !== expectedLines) fail(`${facts!.requisition_lines} requisition lines and ${facts!.claims} claims, not ${expectedLines}`);
  if (facts!.written !== expectedLines) fail(`${facts!.written} allocation lines written for ${expectedLines} claims`);
  if (allocation.lines.length !== expectedLines) fail(`${allocation.lines.length} lines answered for ${expectedLines} claims`);
  if (facts!.over_held > 0) fail(`${facts!.over_held} products send more than the warehouse held`);
  if (facts!.part_packs > 0) fail(`${facts!.part_packs} lines are not whole packs or differ from their proposal`);
  if (facts!.spread_wrong > 0) fail(`${facts!.spread_wrong} stores' requisition lines do not carry what the allocation gives them`);
  if (facts!.status_wrong > 0) fail(`${facts!.status_wrong} requisitions are in the wrong status`);

  const replay = replayRules(allocation);
  if (replay.differences > 0) fail(`the rules propose differently for ${replay.differences} lines given the same claims`);
  if (replay.productsShort !== facts!.expected_short) fail(`${replay.productsShort} products short, the seed made ${facts!.expected_short} short`);
  for (const p of allocation.products) if (p.allocated > p.available) fail(`product ${p.productId}: ${p.allocated} allocated of ${p.available} available`);
  return {
    requisitionLines: facts!.requisition_lines, linesWritten: facts!.written, pureSeconds: replay.seconds, productsShort: replay.productsShort,
    productsWithNone: allocation.products.filter((p) => p.allocated === 0).length, unitsAllocated: allocation.products.reduce((sum, p) => sum + p.allocated, 0),
  };
}

/** The answered claims through `allocateProduct` again: how long the rules alone take, whether they agree with what was written, and how many products were short. */
function replayRules(allocation: Allocation) {
  const available = new Map(allocation.products.map((p) => [p.productId, p.available]));
  const byProduct = new Map<string, Allocation['lines']>();
  for (const line of allocation.lines) {
    const lines = byProduct.get(line.productId);
    if (lines) lines.push(line);
    else byProduct.set(line.productId, [line]);
  }
  const inputs = [...byProduct].map(([productId, lines]) => ({
    productId, available: available.get(productId) ?? 0, packSize: lines[0]!.packSize,
    claims: lines.map((l): AllocationClaim => ({ storeId: l.storeId, priority: l.why.priority, asked: l.why.asked, ideal: l.why.ideal, onHand: l.why.onHand, inTransit: l.why.inTransit })),
  }));
  const started = performance.now();
  const results = inputs.map((input) => allocateProduct(input));
  const pureSeconds = secondsSince(started);
  let differences = 0;
  let productsShort = 0;
  for (const result of results) {
    const proposed = new Map(byProduct.get(result.productId)!.map((l) => [l.storeId, l.proposed]));
    differences += result.stores.filter((s) => proposed.get(s.storeId) !== s.quantity).length;
    if (result.stores.some((s) => s.packs < s.why.maxPacks)) productsShort += 1;
  }
  return { seconds: pureSeconds, differences, productsShort };
}
