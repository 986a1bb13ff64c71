import { availableParallelism, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase, type Db } from '@pos/hq-server/db/client';
import { query } from '@pos/hq-server/db/query';
import { foldChainRollUp } from '@pos/hq-server/reports/chain-rollup';
import { SalesAnalysis } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { bearer, demoFixtureIn, json, seedFixture, signInOffice, type Fixture } from '../support/fixture';
import { createPostgresDatabase } from '../support/test-db';
import { numberOption, percentile, round, secondsSince } from './stats';

const TARGET_MS = 1000;
const timeGroupings: readonly string[] = ['day', 'week', 'month'];
const DAY_MS = 86_400_000;

/**
 * `--stores 500 --products 10000 --days 730 --lines 60 --runs 15 --warmup 2`: the chain, the days
 * of history ending yesterday, the sale lines a store sells a day on average, and how often each
 * question is asked (after the warm-up runs). `--keep` leaves the seeded database on the server
 * afterwards and names it; `--database <name>` asks the questions of such a database again
 * without seeding.
 */
function options(args: string[]) {
  const value = (name: string, fallback: number) => numberOption(args, name, fallback);
  const at = args.indexOf('--database');
  return {
    stores: value('stores', 500), products: value('products', 10_000), days: value('days', 730), linesPerDay: value('lines', 60), runs: value('runs', 15), warmup: value('warmup', 2),
    keep: args.includes('--keep'), database: at >= 0 ? args[at + 1] ?? null : null,
  };
}
type Options = ReturnType<typeof options>;

const dayOf = (start: string, offset: number) => new Date(Date.parse(`${start}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * The sales analysis (决策分析) at chain scale on a fresh PostgreSQL database: beside the demo
 * chain, `stores` stores (HQ-owned and six franchisees', in six regions, one in twenty opened
 * inside the two years), `products` products over the demo's categories, brands and suppliers
 * with a cost history (three in ten costed anew halfway, a few with no cost), three clerks a
 * store, and `days` days of their sales ending yesterday, about `lines` lines a store a day, a
 * third of the tickets a member's, paid by every tender. The sales are made here and COPY'd into
 * scratch tables thirty days at a time, and their roll-ups written from them by the statements
 * ingest runs (`write-sales.ts`) and the chain's folded after each stretch as HQ folds it, so the
 * report tables are the real ones, filled as ingest fills them. Then the report screens' questions go through `GET /reports/sales-analysis` (HQ, a
 * franchisee holding a fifth of the stores, and the manager of a region holding half of them) and the product list through its .xlsx export, each
 * timed `runs` times; every answer is checked against the roll-ups.
 */
export default async function reportsBench(args: string[]): Promise<Record<string, unknown>> {
  const o = options(args);
  const loadAtStart = loadavg().map((l) => round(l));
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (o.database) {
    const url = new URL(serverUrl);
    url.pathname = `/${o.database}`;
    const database = await openDatabase({ url: url.toString() });
    try {
      const f = await demoFixtureIn(database);
      const measured = await measureReports(f, o);
      return { ...figuresOf(o, measured, loadAtStart), seeded: `earlier, into ${o.database}` };
    } finally {
      await database.close();
    }
  }
  const database = await createPostgresDatabase(serverUrl);
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    const f = await seedFixture(database);
    const seeding = performance.now();
    const seeded = await seedReportsChain(f, client, o);
    const seedSeconds = secondsSince(seeding);
    console.log(`seeded ${seeded.generated.lines} sale lines in ${seedSeconds} s`);
    const loadBeforeRuns = loadavg().map((l) => round(l));
    const measured = await measureReports(f, o);
    return {
      scale: { stores: o.stores, products: o.products, days: o.days, from: seeded.from, to: seeded.to, storesInChain: seeded.chain.stores, benchClerks: seeded.chain.clerks, productCosts: seeded.chain.costs, ...seeded.generated, rollUpRows: seeded.rollUpRows, fullSize: o.stores === 500 && o.products === 10_000 && o.days === 730 && seeded.generated.lines >= 20_000_000 },
      ...figuresOf(o, measured, loadAtStart, loadBeforeRuns),
      seedSeconds, seedPhases: seeded.phases,
    };
  } finally {
    await client.end({ timeout: 5 });
    if (o.keep) {
      console.log(`kept the database ${new URL(database.url!).pathname.slice(1)}: ask again with --database <that name>, drop it with dropdb`);
    } else {
      await database.close();
    }
  }
}

function figuresOf(o: Options, measured: Awaited<ReturnType<typeof measureReports>>, loadAtStart: number[], loadBeforeRuns?: number[]) {
  const missed = measured.queries.filter((q) => !q.met).map((q) => q.n);
  return {
    machine: { cores: availableParallelism(), loadAtStart, loadBeforeRuns, loadAtEnd: loadavg().map((l) => round(l)), database: 'PostgreSQL', note: 'the bench, HQ and PostgreSQL share these cores, with whatever else the machine runs' },
    path: 'GET /reports/sales-analysis through app.request (authentication, scope, the three periods\' roll-up reads, labels, JSON), an HQ office token, a franchisee\'s and a region manager\'s; POST /reports/sales-analysis/export as .xlsx',
    runs: { warmup: o.warmup, timed: o.runs },
    queries: measured.queries,
    export: measured.exported,
    target: { p95Ms: TARGET_MS, met: missed.length === 0, missed },
  };
}

interface Chain {
  from: string;
  to: string;
  stores: { rn: number; openedDay: number; size: number }[];
  prices: number[];
  members: number;
  ticketsPerStoreDay: number;
}

/** The chain's stores, people and goods, then its sales thirty days at a time, then settled as a live database is. */
async function seedReportsChain(f: Fixture, client: postgres.Sql, o: Options) {
  const db = drizzle(client) as unknown as Db;
  // One connection, so these hold for every statement of the seed.
  await client.unsafe(`set work_mem = '256MB'; set maintenance_work_mem = '1GB'; set jit = off; set synchronous_commit = off`);
  const phases: Record<string, number> = {};
  let at = performance.now();
  const chain = await seedPeople(f, db, o);
  phases.storesProductsClerks = secondsSince(at);
  at = performance.now();
  const generated = await seedSales(f, client, db, chain);
  phases.salesAndRollUps = secondsSince(at);
  at = performance.now();
  // Autovacuum keeps the roll-ups vacuumed and analysed as they grow day by day, and the server has long since written those days' pages out.
  await db.execute(sql`vacuum (analyze) store_day_sales, store_day_product_sales, chain_day_product_sales, chain_day_product_changes, chain_month_product_sales, store_group_month_product_sales, sales_breakdowns`);
  await db.execute(sql`analyze`);
  await db.execute(sql`checkpoint`);
  phases.vacuumAnalyzeCheckpoint = secondsSince(at);
  const [counts] = await query<{ stores: number; clerks: number; costs: number; rollUps: Record<string, number> }>(db, sql`
    select (select count(*)::int from stores where chain_id = ${f.chainId}) as stores, (select count(*)::int from bench_clerks) as clerks,
           (select count(*)::int from product_costs where chain_id = ${f.chainId}) as costs,
           json_build_object('store_day_sales', (select count(*) from store_day_sales), 'store_day_product_sales', (select count(*) from store_day_product_sales),
                             'chain_day_product_sales', (select count(*) from chain_day_product_sales), 'sales_breakdowns', (select count(*) from sales_breakdowns)) as "rollUps"`);
  const { rollUps, ...chainCounts } = counts!;
  return { from: chain.from, to: chain.to, chain: chainCounts, generated, rollUpRows: rollUps, phases };
}

/**
 * Franchisees, regions, stores, clerks and products beside the demo's, set-based, and the scratch
 * maps from the numbers the sales are made with to their ids.
 */
async function seedPeople(f: Fixture, db: Db, o: Options): Promise<Chain> {
  const chainId = f.chainId;
  const yesterday = dayOf(f.clock().toISOString().slice(0, 10), -1);
  const from = dayOf(yesterday, 1 - o.days);
  // The cost change: halfway through, in the middle of a trading day.
  const halfway = `${dayOf(from, Math.floor(o.days / 2))}T14:30:00+08:00`;
  await db.execute(sql`insert into franchisees (chain_id, id, code, name) select ${chainId}, gen_random_uuid(), 'FB' || n, '压测加盟商 ' || n || ' Bench franchisee ' || n from generate_series(1, 4) n`);
  await db.execute(sql`
    insert into regions (chain_id, id, parent_id, code, name_zh, name_en)
    select ${chainId}, gen_random_uuid(), r.id, r.code || '-B' || n, r.name_zh || '压测片区 ' || n, r.name_en || ' bench district ' || n
    from regions r, generate_series(1, 2) n where r.chain_id = ${chainId} and r.parent_id is null`);
  // Three in ten HQ's own, two in ten the demo's east franchisee's, one the west's, four the bench franchisees'; one in fifty no region.
  await db.execute(sql`
    with owners as (select array_agg(id order by code) as ids from franchisees where chain_id = ${chainId}),
         places as (select array_agg(id order by code) as ids from regions where chain_id = ${chainId})
    insert into stores (chain_id, id, code, name_zh, name_en, operation, connectivity, franchisee_id, region_id, time_zone, currency, opened_on)
    select ${chainId}, gen_random_uuid(), 'B' || lpad(n::text, 4, '0'), '压测店 ' || n, 'Bench store ' || n,
           (case when n % 10 < 3 then 'direct' else 'franchise' end)::store_operation, (case when n % 10 < 3 then 'online' else 'batch' end)::store_connectivity,
           case when n % 10 < 3 then null when n % 10 < 5 then owners.ids[1] else owners.ids[n % 10 - 3] end,
           case when n % 50 = 13 then null else places.ids[1 + n % 6] end, 'Asia/Shanghai', 'CNY',
           case when n % 20 = 7 then ${from}::date + 60 + (n * 37) % ${Math.max(1, o.days - 120)} else date '2018-01-01' + n * 3 end
    from generate_series(1, ${o.stores}) n, owners, places`);
  await db.execute(sql`create unlogged table bench_stores as select id, row_number() over (order by code)::int as rn, opened_on from stores where chain_id = ${chainId} and code like 'B%'`);
  await db.execute(sql`
    insert into clerks (chain_id, id, store_id, code, name, role, pin_salt, pin_hash, pin_iterations)
    select ${chainId}, gen_random_uuid(), s.id, 'B' || lpad(s.rn::text, 4, '0') || '-' || k, '压测营业员 ' || s.rn || '-' || k, 'sales_clerk', 'bench', 'bench', 1
    from bench_stores s, generate_series(1, 3) k`);
  await db.execute(sql`create unlogged table bench_clerks as select c.id, (s.rn - 1) * 3 + right(c.code, 1)::int as rn from clerks c join bench_stores s on s.id = c.store_id where c.chain_id = ${chainId}`);
  await db.execute(sql`
    with leaves as (select array_agg(id order by code) as ids, count(*)::int as size from categories c
                     where chain_id = ${chainId} and not exists (select 1 from categories u where u.chain_id = c.chain_id and u.parent_id = c.id)),
         makers as (select array_agg(id order by code) as ids, count(*)::int as size from brands where chain_id = ${chainId}),
         sources as (select array_agg(id order by code) as ids, count(*)::int as size from suppliers where chain_id = ${chainId})
    insert into products (chain_id, id, sku, name_zh, name_en, unit, category_id, brand_id, supplier_id)
    select ${chainId}, gen_random_uuid(), 'BENCH-' || lpad(n::text, 6, '0'), '压测商品 ' || n, 'Bench product ' || n, 'piece', leaves.ids[1 + n * 7 % leaves.size],
           case when n % 25 = 0 then null else makers.ids[1 + n * 7919 % makers.size] end, case when n % 40 = 0 then null else sources.ids[1 + n * 13 % sources.size] end
    from generate_series(1, ${o.products}) n, leaves, makers, sources`);
  await db.execute(sql`
    create unlogged table bench_products as
    select id, rn, 150 + abs(hashtext('price ' || rn)) % 60 * 50 as price_minor
    from (select id, row_number() over (order by sku)::int as rn from products where chain_id = ${chainId} and sku like 'BENCH-%') p`);
  // Costs from long ago at 55–74% of the price; three in ten 8% dearer from halfway; one in a hundred never costed, one costed only from halfway.
  await db.execute(sql`
    insert into product_costs (chain_id, id, product_id, supplier_id, amount_minor, effective_from, entered_at)
    select ${chainId}, gen_random_uuid(), p.id, pr.supplier_id, c.amount, c.effective_from, c.effective_from - interval '1 day'
    from bench_products p join products pr on pr.chain_id = ${chainId} and pr.id = p.id,
         lateral (values (p.price_minor * (55 + p.rn % 20) / 100, timestamptz '2020-01-01T00:00:00+08:00', p.rn % 100 not in (0, 50)),
                         (p.price_minor * (55 + p.rn % 20) / 100 * 108 / 100, ${halfway}::timestamptz, p.rn % 10 < 3 or p.rn % 100 = 50)) c(amount, effective_from, kept)
    where c.kept`);
  // Each cost over the time it is in force, as `costInForce` picks it: the latest effective, the last entered of those effective together.
  await db.execute(sql`
    create unlogged table bench_costs as
    select product_id, effective_from, lead(effective_from) over (partition by product_id order by effective_from, entered_at) as until, amount_minor
    from product_costs where chain_id = ${chainId}`);
  await db.execute(sql`create unlogged table bench_members as select id, row_number() over (order by id)::int as rn from members where chain_id = ${chainId} and active`);

  const stores = await query<{ rn: number; opened_day: number }>(db, sql`select rn, greatest(0, opened_on - ${from}::date) as opened_day from bench_stores order by rn`);
  const prices = await query<{ price_minor: number }>(db, sql`select price_minor from bench_products order by rn`);
  const [members] = await query<{ n: number }>(db, sql`select count(*)::int as n from bench_members`);
  return {
    from, to: yesterday, members: members!.n, ticketsPerStoreDay: o.linesPerDay / LINES_PER_TICKET, prices: prices.map((p) => Number(p.price_minor)),
    // Stores from half to one and a half times the average.
    stores: stores.map((s) => ({ rn: s.rn, openedDay: s.opened_day, size: 0.5 + ((s.rn * 7919) % 100) / 100 })),
  };
}

/** A small seeded generator, so every run sells the same. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pickFrom = (cumulative: readonly number[], r: number) => {
  let i = 0;
  while (i < cumulative.length - 1 && r >= cumulative[i]!) i += 1;
  return i;
};
const cumulate = (weights: readonly number[]) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
};
/** Tickets by store hour from 07:00 to 22:00: breakfast, lunch and the evening. */
const HOURS = cumulate([3, 7, 5, 4, 6, 9, 7, 4, 4, 5, 7, 9, 8, 6, 4, 2]);
/** Lines a ticket: 1–6, 2.64 on average. */
const LINES = cumulate([30, 25, 18, 12, 8, 7]);
const LINES_PER_TICKET = 2.64;
/** Monday to Sunday. */
const WEEKDAY = [0.94, 0.93, 0.95, 0.97, 1.08, 1.1, 1.03];
const SHARES = [5000, 6000, 3333, 7500];
const TENDERS = ['cash', 'bank_card', 'points', 'voucher'] as const;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Rows of one scratch table, joined into blocks of text as COPY reads them. */
class CopyRows {
  blocks: string[] = [];
  private rows: string[] = [];
  count = 0;
  add(row: string, rows = 1) {
    this.rows.push(row);
    this.count += rows;
    if (this.rows.length === 20_000) this.flush();
  }
  flush() {
    if (this.rows.length > 0) this.blocks.push(this.rows.join(''));
    this.rows = [];
  }
}

/**
 * Each store's tickets of the days `first`…`last - 1` (store time, +08:00): busier at weekends and
 * in summer, a few percent more each year, lines picked with the popular products far ahead.
 */
function makeSales(chain: Chain, first: number, last: number, next: { sale: number; line: number }, random: () => number) {
  const rows = { sales: new CopyRows(), lines: new CopyRows(), clerks: new CopyRows(), payments: new CopyRows() };
  const totals = { net: 0, units: 0 };
  const products = chain.prices.length;
  for (let day = first; day < last; day++) {
    const date = dayOf(chain.from, day);
    const weekday = WEEKDAY[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    const season = 1 + 0.1 * Math.cos((2 * Math.PI * (Number(date.slice(5, 7)) - 7)) / 12);
    const trend = 1 + (0.06 * (day - 365)) / 365;
    for (const store of chain.stores) {
      if (day < store.openedDay) continue;
      const tickets = Math.round((chain.ticketsPerStoreDay * store.size * weekday * season * trend * (0.85 + 0.3 * random())));
      for (let t = 0; t < tickets; t++) {
        const sale = ++next.sale;
        const hour = 7 + pickFrom(HOURS, random());
        const completedAt = `${date} ${pad(hour)}:${pad(Math.floor(random() * 60))}:${pad(Math.floor(random() * 60))}+08`;
        const clerk = random() < 0.35 ? (store.rn - 1) * 3 + 1 + Math.floor(random() * 3) : 0;
        const partner = clerk && random() < 0.12 ? (store.rn - 1) * 3 + 1 + ((clerk - (store.rn - 1) * 3) % 3) : 0;
        const share = SHARES[Math.floor(random() * SHARES.length)]!;
        const picked: number[] = [];
        let total = 0;
        let discount = 0;
        let items = 0;
        for (let n = 1 + pickFrom(LINES, random()); picked.length < n;) {
          const product = 1 + Math.floor(products * random() ** 2.2);
          if (picked.includes(product)) continue;
          picked.push(product);
          const r = random();
          const quantity = r < 0.8 ? 1 : r < 0.94 ? 2 : r < 0.98 ? 3 : 4 + Math.floor(random() * 3);
          const gross = quantity * chain.prices[product - 1]!;
          const off = random() < 0.18 ? Math.floor((gross * (5 + Math.floor(random() * 26))) / 100) : 0;
          const line = ++next.line;
          rows.lines.add(`${line}\t${sale}\t${product}\t${quantity}\t${off}\t${gross - off}\t${clerk || '\\N'}\n`);
          if (clerk && partner) rows.clerks.add(`${sale}\t${line}\t${clerk}\t${share}\n${sale}\t${line}\t${partner}\t${10_000 - share}\n`, 2);
          else if (clerk) rows.clerks.add(`${sale}\t${line}\t${clerk}\t10000\n`);
          total += gross - off;
          discount += off;
          items += quantity;
        }
        const member = random() < 0.3 ? 1 + Math.floor(random() * chain.members) : 0;
        rows.sales.add(`${sale}\t${store.rn}\t${date}\t${completedAt}\t${total}\t${discount}\t0\t${items}\t${member || '\\N'}\n`);
        const r = random();
        if (total >= 200 && r < 0.06) {
          const part = Math.max(1, Math.floor(total * (0.3 + 0.4 * random())));
          rows.payments.add(`${sale}\t${member ? 'stored_value' : 'voucher'}\t${part}\n${sale}\t${random() < 0.5 ? 'cash' : 'bank_card'}\t${total - part}\n`, 2);
        } else {
          const tender = member && r < 0.4 ? 'stored_value' : TENDERS[pickFrom([0.3, 0.94, 0.97, 1], random())]!;
          rows.payments.add(`${sale}\t${tender}\t${total}\n`);
        }
        totals.net += total;
        totals.units += items;
      }
    }
  }
  for (const table of Object.values(rows)) table.flush();
  return { rows, totals };
}

const STRETCH_DAYS = 30;

async function copyInto(client: postgres.Sql, table: string, blocks: string[]): Promise<void> {
  const writable = await client.unsafe(`copy ${table} from stdin`).writable();
  await pipeline(Readable.from(blocks), writable);
}

/**
 * The sales, thirty days at a time: made here, COPY'd into scratch tables shaped as ingest's
 * batch is (sales, their lines, the lines' clerks, payments; numbers where ingest has ids), and
 * rolled up by `writeRollUps`; then every roll-up is checked to add up to what was made.
 */
async function seedSales(f: Fixture, client: postgres.Sql, db: Db, chain: Chain) {
  await client.unsafe(`
    create unlogged table bench_sales (id bigint, store int, business_date date, completed_at timestamptz, total_minor bigint, discount_minor bigint,
                                       rounding_minor bigint, item_count int, member int);
    create unlogged table bench_sale_lines (id bigint, sale_id bigint, product int, quantity int, discount_minor bigint, net_minor bigint, clerk int);
    create unlogged table bench_sale_line_clerks (sale_id bigint, line_id bigint, clerk int, share_bp int);
    create unlogged table bench_sale_payments (sale_id bigint, tender tender, amount_minor bigint)`);
  const random = randomFrom(20_241_122);
  const next = { sale: 0, line: 0 };
  const generated = { tickets: 0, lines: 0, lineClerkShares: 0, payments: 0, netSalesMinor: 0, units: 0 };
  const seconds = { making: 0, copying: 0, rollingUp: 0 };
  const days = Math.round((Date.parse(chain.to) - Date.parse(chain.from)) / DAY_MS) + 1;
  const make = (first: number) => {
    const at = performance.now();
    const made = makeSales(chain, first, Math.min(days, first + STRETCH_DAYS), next, random);
    seconds.making += secondsSince(at);
    return made;
  };
  let made = make(0);
  for (let first = 0; first < days; first += STRETCH_DAYS) {
    const { rows, totals } = made;
    let at = performance.now();
    await copyInto(client, 'bench_sales', rows.sales.blocks);
    await copyInto(client, 'bench_sale_lines', rows.lines.blocks);
    await copyInto(client, 'bench_sale_line_clerks', rows.clerks.blocks);
    await copyInto(client, 'bench_sale_payments', rows.payments.blocks);
    await client.unsafe('analyze bench_sales, bench_sale_lines, bench_sale_line_clerks, bench_sale_payments');
    seconds.copying += secondsSince(at);
    at = performance.now();
    // The next stretch is made while the server rolls this one up (the statement is on its way before the making starts).
    const rolling = query<{ sales: number; lines: number }>(db, writeRollUps(f.chainId));
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (first + STRETCH_DAYS < days) made = make(first + STRETCH_DAYS);
    const [written] = await rolling;
    // HQ folds the store roll-up's changes into the chain's every minute; here once a stretch.
    await foldChainRollUp(db);
    await client.unsafe('truncate bench_sales, bench_sale_lines, bench_sale_line_clerks, bench_sale_payments');
    seconds.rollingUp += secondsSince(at);
    if (written!.sales !== rows.sales.count || written!.lines !== rows.lines.count) {
      throw new Error(`reports bench: ${written!.sales} sales and ${written!.lines} lines rolled up of days ${first + 1}…, ${rows.sales.count} and ${rows.lines.count} made`);
    }
    generated.tickets += rows.sales.count;
    generated.lines += rows.lines.count;
    generated.lineClerkShares += rows.clerks.count;
    generated.payments += rows.payments.count;
    generated.netSalesMinor += totals.net;
    generated.units += totals.units;
    console.log(`days ${first + 1}–${Math.min(days, first + STRETCH_DAYS)} of ${days}: ${generated.lines} lines so far (made ${round(seconds.making)} s, copied ${round(seconds.copying)} s, rolled up and made the next ${round(seconds.rollingUp)} s)`);
  }
  await client.unsafe('drop table bench_sales, bench_sale_lines, bench_sale_line_clerks, bench_sale_payments');
  await checkRollUps(db, f.chainId, generated);
  return { ...generated, seconds: { making: round(seconds.making), copying: round(seconds.copying), rollingUp: round(seconds.rollingUp) } };
}

/** One line's amount (`column`) split over its clerks by share as ingest's `splitByShares` splits it, the way migration 0038 writes it in SQL. */
const clerkPart = (column: string) => sql.raw(`l.${column} * c.share_bp / 10000
  + case when row_number() over (partition by l.id order by l.${column} * c.share_bp % 10000 desc, c.clerk_id = l.clerk_id desc) = 1
         then l.${column} - sum(l.${column} * c.share_bp / 10000) over (partition by l.id) else 0 end`);

/**
 * The roll-ups of the sales in the scratch tables, by the statements of `writeSales` (the
 * `costed_lines`, `days_written`, `breakdowns_written` and `product_days_written` CTEs), with the
 * clerks' parts split in SQL and each cost found as `costInForce` finds it. The scratch rows'
 * numbers are mapped to the chain's ids first. Each batch holds whole days no batch before held,
 * so there is nothing to add to. Rows go in as ingest's arrive, day by day, each when its first
 * sale came in, so the tables lie on disk as a live chain's do (a day's rows of every store
 * together, not each store's together).
 */
function writeRollUps(chainId: string) {
  return sql`
    with new_sales as materialized (
      select s.id, st.id as store_id, s.business_date, s.completed_at, s.total_minor, s.discount_minor, s.rounding_minor, s.item_count, m.id as member_id
      from bench_sales s join bench_stores st on st.rn = s.store left join bench_members m on m.rn = s.member
    ),
    new_lines as materialized (
      select l.id, l.sale_id, s.store_id, s.business_date, p.id as product_id, l.quantity, l.discount_minor, l.net_minor, k.id as clerk_id
      from bench_sale_lines l join new_sales s on s.id = l.sale_id join bench_products p on p.rn = l.product left join bench_clerks k on k.rn = l.clerk
    ),
    costed_lines as (
      select l.*, s.completed_at, l.quantity * c.amount_minor as cost_minor
      from new_lines l join new_sales s on s.id = l.sale_id
      left join bench_costs c on c.product_id = l.product_id and c.effective_from <= s.completed_at and (c.until is null or s.completed_at < c.until)
    ),
    clerk_parts as (
      select l.sale_id, 'none' as key, l.net_minor as sales, l.discount_minor as discount, l.quantity as items
      from new_lines l where l.clerk_id is null
      union all
      select l.sale_id, c.clerk_id::text, ${clerkPart('net_minor')}, ${clerkPart('discount_minor')}, ${clerkPart('quantity')}
      from new_lines l join (select c.line_id, k.id as clerk_id, c.share_bp from bench_sale_line_clerks c join bench_clerks k on k.rn = c.clerk) c on c.line_id = l.id
    ),
    days_written as (
      insert into store_day_sales (chain_id, store_id, business_date, sales_minor, discount_minor, rounding_minor, tickets, items,
                                   cost_minor, uncosted_minor, margin_minor)
      select ${chainId}::uuid, t.store_id, t.business_date, t.sales_minor, t.discount_minor, t.rounding_minor, t.tickets, t.items,
             coalesce(g.cost_minor, 0), coalesce(g.uncosted_minor, 0), coalesce(g.margin_minor, 0)
      from (select store_id, business_date, sum(total_minor) as sales_minor, sum(discount_minor) as discount_minor, sum(rounding_minor) as rounding_minor,
                   count(*) as tickets, sum(item_count) as items, min(completed_at) as first_at
            from new_sales group by store_id, business_date) t
      left join (select store_id, business_date, sum(cost_minor) as cost_minor, sum(net_minor) filter (where cost_minor is null) as uncosted_minor,
                        sum(net_minor - cost_minor) filter (where cost_minor is not null) as margin_minor
                 from costed_lines group by store_id, business_date) g using (store_id, business_date)
      order by t.business_date, t.first_at
    ),
    breakdowns_written as (
      insert into sales_breakdowns (chain_id, kind, business_date, store_id, key, sales_minor, discount_minor, tickets, items)
      select ${chainId}::uuid, b.kind::sales_breakdown_kind, b.business_date, b.store_id, b.key, sum(b.sales_minor), sum(b.discount_minor),
             count(distinct b.sale_id), sum(b.items)
      from (
        select 'hour' as kind, s.business_date, s.store_id, to_char(s.completed_at at time zone st.time_zone, 'HH24') as key, s.id as sale_id,
               s.total_minor as sales_minor, s.discount_minor, s.item_count::bigint as items, s.completed_at
        from new_sales s join stores st on st.chain_id = ${chainId}::uuid and st.id = s.store_id
        union all
        select 'member_level', s.business_date, s.store_id, coalesce(m.level_id::text, 'none'), s.id, s.total_minor, s.discount_minor, s.item_count, s.completed_at
        from new_sales s left join members m on m.chain_id = ${chainId}::uuid and m.id = s.member_id
        union all
        select 'tender', s.business_date, s.store_id, p.tender::text, s.id, p.amount_minor, 0, 0, s.completed_at
        from bench_sale_payments p join new_sales s on s.id = p.sale_id
        union all
        select 'clerk', s.business_date, s.store_id, c.key, s.id, c.sales, c.discount, c.items, s.completed_at
        from clerk_parts c join new_sales s on s.id = c.sale_id
      ) b
      group by b.kind, b.business_date, b.store_id, b.key order by b.business_date, min(b.completed_at)
    ),
    product_days_written as (
      insert into store_day_product_sales (chain_id, store_id, business_date, product_id, quantity, sales_minor, discount_minor, tickets,
                                           cost_minor, uncosted_minor)
      select ${chainId}::uuid, store_id, business_date, product_id, sum(quantity), sum(net_minor), sum(discount_minor), count(distinct sale_id),
             coalesce(sum(cost_minor), 0), coalesce(sum(net_minor) filter (where cost_minor is null), 0)
      from costed_lines group by store_id, business_date, product_id order by business_date, min(completed_at)
    )
    select (select count(*) from new_sales)::int as sales, (select count(*) from new_lines)::int as lines`;
}

/** Fails loudly unless every roll-up adds up to the sales made: tickets, units, net sales each way, cost and margin alike in both day roll-ups. */
async function checkRollUps(db: Db, chainId: string, made: { tickets: number; netSalesMinor: number; units: number }) {
  const [sums] = await query<Record<string, string>>(db, sql`
    with d as (select sum(tickets)::text as tickets, sum(sales_minor)::text as sales, sum(items)::text as items, sum(cost_minor)::text as cost,
                      sum(margin_minor)::text as margin, sum(uncosted_minor)::text as uncosted from store_day_sales where chain_id = ${chainId}),
         p as (select sum(sales_minor)::text as sales, sum(quantity)::text as units, sum(cost_minor)::text as cost,
                      sum(sales_minor - uncosted_minor - cost_minor)::text as margin, sum(uncosted_minor)::text as uncosted from store_day_product_sales where chain_id = ${chainId}),
         c as (select sum(sales_minor)::text as sales, sum(quantity)::text as units, sum(cost_minor)::text as cost, sum(uncosted_minor)::text as uncosted
               from chain_day_product_sales where chain_id = ${chainId}),
         b as (select kind::text, sum(sales_minor)::text as sales, sum(tickets)::text as tickets, sum(items)::text as items from sales_breakdowns where chain_id = ${chainId} group by kind)
    select d.tickets, d.sales, d.items, d.cost, d.margin, d.uncosted, p.sales as p_sales, p.units as p_units, p.cost as p_cost, p.margin as p_margin, p.uncosted as p_uncosted,
           c.sales as c_sales, c.units as c_units, c.cost as c_cost, c.uncosted as c_uncosted,
           (select jsonb_object_agg(kind, jsonb_build_array(sales, tickets, items)) from b)::text as breakdowns
    from d, p, c`);
  const s = sums!;
  const breakdowns = JSON.parse(s.breakdowns!) as Record<string, [string, string, string]>;
  const expected: [string, string | undefined, number][] = [
    ['tickets', s.tickets, made.tickets], ['net sales by store and day', s.sales, made.netSalesMinor], ['items by store and day', s.items, made.units],
    ['net sales by product', s.p_sales, made.netSalesMinor], ['units by product', s.p_units, made.units],
    ['cost by product', s.p_cost, Number(s.cost)], ['margin by product', s.p_margin, Number(s.margin)], ['uncosted sales by product', s.p_uncosted, Number(s.uncosted)],
    ['net sales of the chain by product', s.c_sales, made.netSalesMinor], ['units of the chain by product', s.c_units, made.units],
    ['cost of the chain by product', s.c_cost, Number(s.cost)], ['uncosted sales of the chain by product', s.c_uncosted, Number(s.uncosted)],
    ...(['hour', 'member_level', 'tender', 'clerk'] as const).map((kind): [string, string | undefined, number] => [`net sales by ${kind}`, breakdowns[kind]?.[0], made.netSalesMinor]),
    ['tickets by hour', breakdowns.hour?.[1], made.tickets], ['tickets by member level', breakdowns.member_level?.[1], made.tickets],
    ['units by clerk', breakdowns.clerk?.[2], made.units], ['units by hour', breakdowns.hour?.[2], made.units],
  ];
  const wrong = expected.filter(([, found, want]) => Number(found ?? 0) !== want);
  if (wrong.length > 0) throw new Error(`reports bench: the roll-ups do not add up to the sales made: ${wrong.map(([what, found, want]) => `${what} ${found} ≠ ${want}`).join('; ')}`);
  if (Number(s.cost) <= 0 || Number(s.uncosted) <= 0) throw new Error(`reports bench: cost ${s.cost} and uncosted sales ${s.uncosted} should both be above zero`);
}

interface Question {
  n: number;
  name: string;
  as: 'hq' | 'franchisee' | 'region';
  ask: Record<string, string>;
}

/** The report screens' questions, about last month unless said otherwise, as HQ unless as the franchisee. */
function questionsOf(to: string, ids: { store: string; category: string; franchisee: string }): Question[] {
  const month = { from: `${dayOf(`${to.slice(0, 8)}01`, -1).slice(0, 8)}01`, to: dayOf(`${to.slice(0, 8)}01`, -1) };
  const hq = (n: number, name: string, ask: Record<string, string>): Question => ({ n, name, as: 'hq', ask: { ...month, ...ask } });
  const twelveMonthsFrom = `${String(Number(month.to.slice(0, 4)) - 1)}-${String((Number(month.to.slice(5, 7)) % 12) + 1).padStart(2, '0')}-01`;
  return [
    hq(1, 'last month by store, every store', { by: 'store', limit: '1000' }),
    hq(2, 'last month by region', { by: 'region' }),
    hq(3, 'last month by franchisee', { by: 'franchisee' }),
    hq(4, 'last month by category', { by: 'category' }),
    hq(5, 'last month by product, top 200', { by: 'product', limit: '200' }),
    hq(6, 'last month by brand', { by: 'brand' }),
    hq(7, 'last month by supplier', { by: 'supplier' }),
    hq(8, 'last month by hour', { by: 'hour' }),
    hq(9, 'last month by tender', { by: 'tender' }),
    hq(10, 'last month by clerk, one store', { by: 'clerk', storeId: ids.store }),
    hq(11, 'last month by member level', { by: 'member_level' }),
    hq(12, 'one store\'s last month by category (drill)', { by: 'category', storeId: ids.store }),
    hq(13, 'one category\'s products last month (drill)', { by: 'product', categoryId: ids.category }),
    hq(14, 'the last 12 months by month', { by: 'month', from: twelveMonthsFrom, to: month.to }),
    hq(15, 'the last 90 days by week', { by: 'week', from: dayOf(to, -89), to }),
    hq(16, 'last month by day', { by: 'day' }),
    { n: 17, name: 'a franchisee\'s last month by store, as the franchisee', as: 'franchisee', ask: { ...month, by: 'store', limit: '1000' } },
    { n: 18, name: 'a franchisee\'s last month by category, as the franchisee', as: 'franchisee', ask: { ...month, by: 'category' } },
    hq(19, 'a franchisee\'s last month by product, top 200, asked by HQ', { by: 'product', limit: '200', franchiseeId: ids.franchisee }),
    { n: 20, name: 'a region\'s last month by category, as its region manager', as: 'region', ask: { ...month, by: 'category' } },
  ];
}

/** Runs `request` the warm-up times, then `runs` times timed; the last answer and the median and p95 in milliseconds. */
async function timed<T>(o: Options, request: () => Promise<T>): Promise<{ answer: T; medianMs: number; p95Ms: number }> {
  for (let i = 0; i < o.warmup; i++) await request();
  const samples: number[] = [];
  let answer: T | undefined;
  for (let i = 0; i < o.runs; i++) {
    const started = performance.now();
    answer = await request();
    samples.push(performance.now() - started);
  }
  return { answer: answer!, medianMs: round(percentile(samples, 50), 1), p95Ms: round(percentile(samples, 95), 1) };
}

/** Every question through `GET /reports/sales-analysis`, then the product list through its export, timed and checked. */
async function measureReports(f: Fixture, o: Options) {
  const tokens = { hq: await signInOffice(f, 'hq@demo.pos'), franchisee: await signInOffice(f, 'east@demo.pos'), region: await signInOffice(f, 'pudong@demo.pos') };
  const [ids] = await query<{ store: string; category: string; franchisee: string; to: string }>(f.deps.db, sql`
    select (select id::text from stores where chain_id = ${f.chainId} and code = 'B0001') as store,
           (select category_id::text from products where chain_id = ${f.chainId} and sku = 'BENCH-000001') as category,
           (select id::text from franchisees where chain_id = ${f.chainId} and code = 'F01') as franchisee,
           (select max(business_date)::text from store_day_sales where chain_id = ${f.chainId}) as to`);
  const named = new Map([[ids!.store, 'B0001'], [ids!.category, 'the category of BENCH-000001'], [ids!.franchisee, 'F01']]);
  const answers = new Map<number, SalesAnalysis>();
  const queries = [];
  for (const question of questionsOf(ids!.to, ids!)) {
    const path = `/reports/sales-analysis?${new URLSearchParams(question.ask)}`;
    const { answer, medianMs, p95Ms } = await timed(o, async () => {
      const res = await f.app.request(path, bearer(tokens[question.as]));
      if (res.status !== 200) throw new Error(`reports bench: ${question.name} answered ${res.status}: ${await res.text()}`);
      return res.json();
    });
    const report = SalesAnalysis.parse(answer);
    answers.set(question.n, report);
    const ask = Object.fromEntries(Object.entries(question.ask).map(([k, v]) => [k, named.get(v) ?? v]));
    queries.push({ n: question.n, name: question.name, as: question.as, ask, rows: report.rows.length, others: report.others?.count ?? 0, medianMs, p95Ms, met: p95Ms < TARGET_MS });
    console.log(`${question.n}. ${question.name}: median ${medianMs} ms, p95 ${p95Ms} ms`);
  }
  const exportAsk = { query: { ...questionsOf(ids!.to, ids!)[4]!.ask, limit: 200 }, format: 'xlsx', language: 'zh' };
  const exported = await timed(o, async () => {
    const res = await f.app.request('/reports/sales-analysis/export', json(exportAsk, tokens.hq));
    if (res.status !== 200) throw new Error(`reports bench: the export answered ${res.status}: ${await res.text()}`);
    const file = new Uint8Array(await res.arrayBuffer());
    if (file[0] !== 0x50 || file[1] !== 0x4b) throw new Error('reports bench: the export is not an .xlsx file');
    return file.length;
  });
  await checkAnswers(f, answers);
  return { queries, exported: { name: 'last month by product, top 200, as .xlsx', bytes: exported.answer, medianMs: exported.medianMs, p95Ms: exported.p95Ms, met: exported.p95Ms < TARGET_MS } };
}

/**
 * Fails loudly unless the answers hold together: rows and others add up to the totals in every
 * period; every way of cutting the whole chain's month comes to the store-day roll-up's sum over
 * it; a store's drills come to its row; a category's products to its sales in the product roll-up;
 * the franchisee's stores to their rows in HQ's answer.
 */
async function checkAnswers(f: Fixture, answers: Map<number, SalesAnalysis>) {
  const fail = (message: string): never => {
    throw new Error(`reports bench: ${message}`);
  };
  const periods = ['current', 'previous', 'lastYear'] as const;
  const answer = (n: number) => answers.get(n)!;
  const sumOver = async (table: 'store_day_sales' | 'store_day_product_sales', range: { from: string; to: string }, where = sql``) => {
    const [row] = await query<{ sales: string | null }>(f.deps.db, sql`
      select sum(r.sales_minor)::text as sales from ${sql.raw(table)} r ${table === 'store_day_product_sales' ? sql`join products p on p.chain_id = r.chain_id and p.id = r.product_id` : sql``}
      where r.chain_id = ${f.chainId} and r.business_date between ${range.from}::date and ${range.to}::date ${where}`);
    return Number(row!.sales ?? 0);
  };
  for (const [n, report] of answers) {
    // A trend lays the periods compared side by side bucket by bucket, so an earlier period with a bucket more (a week cut differently) lists one less than its total.
    for (const period of timeGroupings.includes(report.by) ? ['current' as const] : periods) {
      const listed = report.rows.reduce((sum, r) => sum + r[period].salesMinor, 0) + (report.others?.[period].salesMinor ?? 0);
      if (listed !== report.totals[period].salesMinor) fail(`query ${n}: rows and others come to ${listed}, the total to ${report.totals[period].salesMinor} (${period})`);
    }
  }
  const chain = answer(1);
  const [counts] = await query<{ stores: number; east: number; pudong: string[] }>(f.deps.db, sql`
    with recursive pudong(id) as (
      select id from regions where chain_id = ${f.chainId} and code = 'PD'
      union select r.id from regions r join pudong on r.parent_id = pudong.id where r.chain_id = ${f.chainId}
    )
    select count(*)::int as stores, count(*) filter (where franchisee_id = (select id from franchisees where chain_id = ${f.chainId} and code = 'F01'))::int as east,
           coalesce(array_agg(id::text) filter (where region_id in (select id from pudong)), '{}') as pudong
    from stores where chain_id = ${f.chainId}`);
  if (chain.rows.length !== counts!.stores) fail(`query 1 lists ${chain.rows.length} stores of ${counts!.stores}`);
  for (const period of periods) {
    const expected = await sumOver('store_day_sales', chain.periods[period]);
    if (chain.totals[period].salesMinor !== expected || (period === 'current' && expected <= 0)) fail(`query 1's total is ${chain.totals[period].salesMinor}, the store-day roll-up ${expected} (${period})`);
    for (const n of [2, 3, 4, 5, 6, 7, 8, 9, 11, 16]) {
      if (answer(n).totals[period].salesMinor !== chain.totals[period].salesMinor) fail(`query ${n}'s total ${answer(n).totals[period].salesMinor} is not query 1's ${chain.totals[period].salesMinor} (${period})`);
    }
    const store = chain.rows.find((r) => r.code === 'B0001')!;
    for (const n of [10, 12]) if (answer(n).totals[period].salesMinor !== store[period].salesMinor) fail(`query ${n}'s total is not B0001's row (${period})`);
  }
  if (answer(9).totals.current.tickets !== chain.totals.current.tickets) fail('the tickets by tender do not count each ticket once');
  if (answer(5).rows.length !== 200 || !answer(5).others) fail('query 5 does not list the top 200 products with the rest in others');
  const category = answer(13);
  const inCategory = await sumOver('store_day_product_sales', category.periods.current, sql`and p.category_id = (select category_id from products where chain_id = ${f.chainId} and sku = 'BENCH-000001')`);
  if (category.totals.current.salesMinor !== inCategory || inCategory <= 0) fail(`query 13's total ${category.totals.current.salesMinor} is not the category's ${inCategory}`);
  if (answer(14).rows.length !== 12 || answer(14).totals.current.salesMinor !== await sumOver('store_day_sales', answer(14).periods.current)) fail('query 14 is not twelve months adding up to the roll-up');
  if (answer(15).totals.current.salesMinor !== await sumOver('store_day_sales', answer(15).periods.current)) fail('query 15 does not add up to the roll-up');
  if (answer(16).rows.length !== 31) fail(`query 16 lists ${answer(16).rows.length} days, not 31`);
  const own = answer(17);
  if (own.rows.length !== counts!.east || counts!.east <= 2) fail(`the franchisee sees ${own.rows.length} stores, holds ${counts!.east}`);
  const ownKeys = new Set(own.rows.map((r) => r.key));
  const fromChain = chain.rows.filter((r) => ownKeys.has(r.key)).reduce((sum, r) => sum + r.current.salesMinor, 0);
  if (own.totals.current.salesMinor !== fromChain || answer(18).totals.current.salesMinor !== fromChain || answer(19).totals.current.salesMinor !== fromChain) {
    fail(`the franchisee's totals (${own.totals.current.salesMinor}, ${answer(18).totals.current.salesMinor}, ${answer(19).totals.current.salesMinor}) are not their stores' rows in HQ's answer (${fromChain})`);
  }
  const pudong = new Set(counts!.pudong);
  const fromPudong = chain.rows.filter((r) => pudong.has(r.key)).reduce((sum, r) => sum + r.current.salesMinor, 0);
  if (pudong.size < 100 || answer(20).totals.current.salesMinor !== fromPudong) fail(`the region manager's total ${answer(20).totals.current.salesMinor} is not their ${pudong.size} stores' rows in HQ's answer (${fromPudong})`);
}
