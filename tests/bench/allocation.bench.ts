import { availableParallelism, loadavg } from 'node:os';
import { query } from '@pos/hq-server/db/query';
import type { OfficePrincipal } from '@pos/hq-server/http/app-env';
import { newId } from '@pos/hq-server/ids';
import { stores, users } from '@pos/hq-server/org/org.tables';
import { loadAllocation, runAllocation } from '@pos/hq-server/stock/allocation.service';
import { warehouses } from '@pos/hq-server/stock/stock.tables';
import { allocateProduct, type Allocation, type AllocationClaim } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { seedFixture, type Fixture } from '../support/fixture';
import { createPostgresDatabase } from '../support/test-db';
import { numberOption, round, secondsSince } from './stats';

const TARGET_SECONDS = 10;

/**
 * `--stores 500 --products 10000 --asks 10000 --short-every 5`: the chain's size, how many of the
 * products each store asks for, and how often the warehouse is short of one (every fifth product;
 * 1 for every product, the worst case, where the rules weigh every claim).
 */
function options(args: string[]) {
  const value = (name: string, fallback: number) => numberOption(args, name, fallback);
  const products = value('products', 10_000);
  return { stores: value('stores', 500), products, asks: Math.min(products, value('asks', products)), shortEvery: Math.max(1, value('short-every', 5)) };
}


/**
 * One allocation run (配货) at HQ on a fresh PostgreSQL database: a warehouse of its own holding
 * `products` products in packs, `stores` stores each with one requisition waiting, asking for
 * `asks` of them. One product in `shortEvery` is short at the warehouse (a few have none at all),
 * the rest are held in full. Stores hold stock of one in five of the products they ask for (the
 * others ran out, which is why they ask) and have places in the queue (`store_stock_settings`)
 * from 1 to 7, many unset. The run is `runAllocation`, the path of `POST /stock/allocations`, end
 * to end: its reads, the rules over the products they weigh, its writes and the allocation it
 * answers with (its totals and first page). A page of short products is then read and timed, and
 * the result checked (`checkAllocation`), the rules run again over every claim.
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

    const paging = performance.now();
    const shortPage = await loadAllocation(f.deps.db, f.chainId, allocation.id, { offset: 40, limit: 20, short: true, q: undefined });
    const pageSeconds = secondsSince(paging);
    if (shortPage.products.items.length !== 20 || !shortPage.products.items.every((p) => p.short && p.lines.length === o.stores)) throw new Error('allocation bench: a page of short products is not twenty products with every store’s line');

    const checked = await checkAllocation(f, warehouseId, allocation, o);
    return {
      scale: { stores: o.stores, products: o.products, productsAskedPerStore: o.asks, oneProductShortIn: o.shortEvery, fullSize: o.stores === 500 && o.products === 10_000 && o.asks === o.products },
      machine: { cores: availableParallelism(), loadAtStart, loadAtEnd: loadavg().map((l) => round(l)), database: 'PostgreSQL', note: 'the bench, HQ and PostgreSQL share these cores, with whatever else the machine runs' },
      path: 'runAllocation (POST /stock/allocations) called in process: its reads, the rules, its writes and the allocation it answers with',
      seedSeconds,
      run: { seconds: runSeconds, hqCpuSeconds: round((cpu.user + cpu.system) / 1e6) },
      pureRulesOverEveryClaimSeconds: checked.pureSeconds,
      requisitionLines: checked.requisitionLines,
      products: checked.products,
      weighed: { products: checked.weighedProducts, claims: checked.weighedClaims, note: 'products the warehouse could not serve every ask of, or that a store keeps at an ideal stock: the rules weigh their claims one by one; the others go to every store in full' },
      productsAnswered: allocation.products.items.length,
      pageOfShortProducts: { seconds: pageSeconds, products: shortPage.products.items.length, lines: shortPage.products.items.reduce((sum, p) => sum + p.lines.length, 0) },
      productsShort: checked.productsShort,
      unitsAllocated: allocation.totals.units,
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
                when p.rn % ${o.shortEvery} = 0 then floor(w.packs * (0.3 + (p.rn % 7) / 10.0))::int * p.pack_size + p.rn % p.pack_size
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
  // And the server has long since written those days' pages out: the run does not pay for the seed's checkpoint.
  await db.execute(sql`checkpoint`);
  return warehouseId;
}

/**
 * Fails loudly unless the run is sane: a product row for every product asked for, its claims all
 * there; per product no more than the warehouse held and whole packs only; the requisitions of
 * stores that got something allocated, the others still asked; the products short those the seed
 * made short; and the rules, given every claim with its store's stock read again (the products
 * served in full included), proposing what the run keeps or, served in full, what each store asked
 * in whole packs (timed: the rules alone over all five million claims).
 */
async function checkAllocation(f: Fixture, warehouseId: string, allocation: Allocation, o: ReturnType<typeof options>) {
  const { db } = f.deps;
  const chainId = f.chainId;
  const fail = (message: string): never => {
    throw new Error(`allocation bench: ${message}`);
  };
  const [facts] = await query<{ requisition_lines: number; products: number; claims: number; weighed: number; weighed_claims: number; over_held: number; part_packs: number; status_wrong: number; expected_short: number }>(db, sql`
    with kept as (select * from allocation_products where chain_id = ${chainId} and allocation_id = ${allocation.id})
    select (select count(*)::int from requisition_lines l join requisitions r on r.chain_id = l.chain_id and r.id = l.requisition_id where r.chain_id = ${chainId} and r.warehouse_id = ${warehouseId}) as requisition_lines,
           (select count(*)::int from kept) as products,
           (select coalesce(sum(claims), 0)::int from kept) as claims,
           (select count(*)::int from kept where on_hand is not null) as weighed,
           (select coalesce(sum(claims), 0)::int from kept where on_hand is not null) as weighed_claims,
           (select count(*)::int from kept where allocated > available) as over_held,
           (select count(*)::int from kept, unnest(proposed) q where q % pack_size <> 0) as part_packs,
           (select count(*)::int from requisitions r where r.chain_id = ${chainId} and r.warehouse_id = ${warehouseId}
               and r.status <> (case when exists (select 1 from kept k, unnest(k.stores, k.proposed) as x(place, quantity)
                                                   where x.quantity > 0 and (select a.store_ids[x.place + 1] from allocations a where a.chain_id = ${chainId} and a.id = ${allocation.id}) = r.store_id)
                                          or exists (select 1 from requisition_lines l join kept k on k.product_id = l.product_id and k.stores is null where l.chain_id = ${chainId} and l.requisition_id = r.id)
                                     then 'allocated' else 'asked' end)::requisition_status) as status_wrong,
           (select count(distinct p.id)::int from bench_products p join requisition_lines l on l.chain_id = ${chainId} and l.product_id = p.id
             where p.rn % ${o.shortEvery} = 0 or p.rn % 50 = 7) as expected_short`);
  const expectedLines = o.stores * o.asks;
  if (facts!.requisition_lines !== expectedLines || facts!.claims !== expectedLines) fail(`${facts!.requisition_lines} requisition lines and ${facts!.claims} claims kept, not ${expectedLines}`);
  if (allocation.totals.claims !== expectedLines || allocation.totals.products !== facts!.products) fail(`the answer's totals (${JSON.stringify(allocation.totals)}) are not what was kept`);
  if (facts!.over_held > 0) fail(`${facts!.over_held} products send more than the warehouse held`);
  if (facts!.part_packs > 0) fail(`${facts!.part_packs} proposals are not whole packs`);
  if (facts!.status_wrong > 0) fail(`${facts!.status_wrong} requisitions are in the wrong status`);
  if (allocation.totals.productsShort !== facts!.expected_short) fail(`${allocation.totals.productsShort} products short, the seed made ${facts!.expected_short} short`);

  const replay = await replayRules(f, warehouseId, allocation.id);
  if (replay.differences > 0) fail(`the rules propose differently for ${replay.differences} claims given the same figures`);
  if (replay.claims !== expectedLines) fail(`${replay.claims} claims replayed, not ${expectedLines}`);
  if (replay.productsShort !== facts!.expected_short) fail(`the rules find ${replay.productsShort} products short, the seed made ${facts!.expected_short} short`);
  return { requisitionLines: facts!.requisition_lines, products: facts!.products, weighedProducts: facts!.weighed, weighedClaims: facts!.weighed_claims, pureSeconds: replay.seconds, productsShort: replay.productsShort };
}

/**
 * Every claim of the run, each store's stock read again (untouched since the run), through
 * `allocateProduct`: how long the rules alone take over all of them, whether they propose what the
 * run kept (or, for a product served in full, each store's ask in whole packs), and how many
 * products they find short.
 */
async function replayRules(f: Fixture, warehouseId: string, allocationId: string) {
  const chainId = f.chainId;
  const kept = new Map((await query<{ product_id: string; pack_size: number; available: number; proposals: string | null }>(f.deps.db, sql`
    select k.product_id, k.pack_size, k.available,
           (select string_agg(a.store_ids[x.place + 1] || ' ' || x.quantity, ',') from unnest(k.stores, k.proposed) as x(place, quantity)) as proposals
    from allocation_products k join allocations a on a.chain_id = k.chain_id and a.id = k.allocation_id
    where k.chain_id = ${chainId} and k.allocation_id = ${allocationId}`)).map((r) => [r.product_id, r]));
  const rows = (await query<{ product_id: string; claims: string }>(f.deps.db, sql`
    select l.product_id,
           string_agg(concat_ws(' ', l.store_id, l.asked, coalesce(ss.allocation_priority, 5), coalesce(sl.quantity, 0), coalesce(sl.in_transit, 0), coalesce(sr.max_quantity::text, '-')), ',') as claims
    from (select r.store_id, rl.product_id, sum(rl.asked)::int as asked
            from requisitions r join requisition_lines rl on rl.chain_id = r.chain_id and rl.requisition_id = r.id
           where r.chain_id = ${chainId} and r.warehouse_id = ${warehouseId} group by r.store_id, rl.product_id) l
    left join store_stock_settings ss on ss.chain_id = ${chainId} and ss.store_id = l.store_id
    left join stock_levels sl on sl.chain_id = ${chainId} and sl.store_id = l.store_id and sl.product_id = l.product_id
    left join store_replenishment sr on sr.chain_id = ${chainId} and sr.store_id = l.store_id and sr.product_id = l.product_id and sr.policy = 'ideal'
    group by l.product_id`)).map((r) => {
    const product = kept.get(r.product_id);
    if (!product) throw new Error(`allocation bench: product ${r.product_id} is asked for and not in the allocation`);
    return { ...product, claims: r.claims };
  });
  const inputs = rows.map((r) => ({
    productId: r.product_id, available: r.available, packSize: r.pack_size,
    claims: r.claims.split(',').map((claim): AllocationClaim => {
      const [storeId, asked, priority, onHand, inTransit, ideal] = claim.split(' ');
      return { storeId: storeId!, priority: Number(priority), asked: Number(asked), ideal: ideal === '-' ? null : Number(ideal), onHand: Number(onHand), inTransit: Number(inTransit) };
    }),
  }));
  const started = performance.now();
  const results = inputs.map((input) => allocateProduct(input));
  const seconds = secondsSince(started);
  let differences = 0;
  let productsShort = 0;
  let claims = 0;
  for (const [i, result] of results.entries()) {
    const row = rows[i]!;
    const input = inputs[i]!;
    const proposals = row.proposals === null ? null : new Map(row.proposals.split(',').map((p) => p.split(' ') as [string, string]).map(([storeId, quantity]) => [storeId, Number(quantity)]));
    const askedOf = new Map(input.claims.map((c) => [c.storeId, c.asked!]));
    for (const s of result.stores) {
      const expected = proposals ? proposals.get(s.storeId) : Math.ceil(askedOf.get(s.storeId)! / input.packSize) * input.packSize;
      if (expected !== s.quantity) differences += 1;
    }
    claims += result.stores.length;
    if (result.stores.some((s) => s.packs < s.why.maxPacks)) productsShort += 1;
  }
  return { seconds, differences, productsShort, claims };
}
