import { performance } from 'node:perf_hooks';
import { compileRules, priceBasket } from '../../shared/src/promotions/index';
import { basket, context, rule, scope, type LineInput } from '../../shared/src/promotions/testing/promotion-fixtures';
import type { PromotionRule } from '../../shared/src/promotions/index';
import { percentile, round } from './stats';

/** A small seeded generator, so every run prices the same baskets against the same rules. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = 2000;
const LEAF_CATEGORIES = 60;
const BRANDS = 40;

interface Catalog {
  readonly random: () => number;
  readonly pick: (n: number) => number;
}

const productId = (i: number) => `p${i}`;
const leafOf = (product: number) => product % LEAF_CATEGORIES;
const brandOf = (product: number) => (product * 7) % BRANDS;

function line(index: number, product: number, { random, pick }: Catalog): LineInput {
  const leaf = leafOf(product);
  return {
    lineId: `l${index}`,
    productId: productId(product),
    quantity: 1 + pick(3),
    unitPriceMinor: 100 + Math.floor(random() * 20_000),
    categoryId: `c${leaf}`,
    ancestorCategoryIds: [`c-mid${leaf % 12}`, `c-top${leaf % 3}`],
    brandId: `b${brandOf(product)}`,
    clerkId: `clerk${pick(5)}`,
  };
}

function combination(catalog: Catalog): Partial<Pick<PromotionRule, 'combination' | 'group' | 'priority'>> {
  const roll = catalog.random();
  const priority = catalog.pick(10);
  if (roll < 0.15) return { combination: 'exclusive', priority };
  if (roll < 0.3) return { combination: 'best_of', group: `g${catalog.pick(5)}`, priority };
  return { combination: 'stackable', priority };
}

function offer(catalog: Catalog) {
  const roll = catalog.random();
  if (roll < 0.6) return { type: 'percent_off' as const, percentBp: 500 + catalog.pick(3000) };
  if (roll < 0.8) return { type: 'amount_off' as const, amountMinor: 10 + catalog.pick(500) };
  return { type: 'fixed_price' as const, priceMinor: 100 + catalog.pick(10_000) };
}

const BROAD_RULES = 250;

function storesFor(catalog: Catalog): string[] {
  return catalog.random() < 0.5 ? [] : [`store-${1 + catalog.pick(10)}`];
}

/** Rules on single products: most of a chain's rules, and the part that grows with the catalog. */
function itemRule(id: string, catalog: Catalog, common: Partial<PromotionRule>): PromotionRule {
  const { pick } = catalog;
  const products = [productId(pick(PRODUCTS)), productId(pick(PRODUCTS))];
  const roll = catalog.random();
  if (roll < 0.6) return rule('item_discount', id, { productIds: products, offer: offer(catalog), unitLimit: pick(4) ? null : 2 }, common);
  if (roll < 0.75) return rule('member_price', id, { productIds: products, priceMinor: 100 + pick(5000), unitLimit: null }, common);
  if (roll < 0.9) return rule('buy_n_get_m', id, { scope: scope({ productIds: products }), buy: 1 + pick(3), get: 1, rewardPercentBp: pick(2) ? 10_000 : 5000, maxApplications: null }, common);
  return rule('voucher', id, { scope: scope(), codes: [`V${id}`], faceValueMinor: 1000, minSpendMinor: 5000, maxPerTicket: 1 }, common);
}

/** Rules on categories, brands or the whole ticket: a few hundred however large the catalog. */
function broadRule(id: string, catalog: Catalog, common: Partial<PromotionRule>): PromotionRule {
  const { pick } = catalog;
  const category = () => [pick(4) ? `c${pick(LEAF_CATEGORIES)}` : `c-mid${pick(12)}`];
  const roll = catalog.random();
  if (roll < 0.3) return rule('category_discount', id, { categoryIds: category(), offer: offer(catalog), unitLimit: null }, common);
  if (roll < 0.45) return rule('brand_discount', id, { brandIds: [`b${pick(BRANDS)}`], offer: offer(catalog), unitLimit: pick(2) ? null : 3 }, common);
  if (roll < 0.55) return rule('buy_n_get_m', id, { scope: scope({ categoryIds: category() }), buy: 2, get: 1, rewardPercentBp: 10_000, maxApplications: null }, common);
  if (roll < 0.62) return rule('happy_hour', id, { scope: scope({ categoryIds: category() }), offer: offer(catalog), windows: [{ from: '09:00', to: '12:00' }], unitLimit: null }, common);
  if (roll < 0.64) return rule('birthday', id, { scope: scope(), offer: offer(catalog), window: 'month', unitLimit: null }, common);
  if (roll < 0.8) {
    const tiers = [{ minSpendMinor: 10_000 + pick(50_000), offMinor: 500 + pick(2000) }, { minSpendMinor: 100_000 + pick(100_000), offMinor: 5000 + pick(5000) }];
    return rule('spend_threshold_off', id, { scope: pick(2) ? scope() : scope({ categoryIds: [`c-top${pick(3)}`] }), tiers, repeat: false }, common);
  }
  if (roll < 0.88) return rule('spend_threshold_percent', id, { scope: scope({ brandIds: [`b${pick(BRANDS)}`] }), tiers: [{ minSpendMinor: 5000, percentBp: 500 }] }, common);
  if (roll < 0.94) return rule('spend_gift', id, { scope: scope(), minSpendMinor: 20_000 + pick(100_000), gift: { productId: productId(pick(PRODUCTS)), quantity: 1, valueMinor: 500 + pick(2000) } }, common);
  return rule('points_multiplier', id, { scope: scope({ brandIds: [`b${pick(BRANDS)}`] }), multiplierBp: 20_000 }, common);
}

function makeRule(i: number, ruleCount: number, catalog: Catalog): PromotionRule {
  const common = { ...combination(catalog), validFrom: '2025-01-01', validTo: '2025-12-31', storeIds: storesFor(catalog) };
  const broad = Math.min(BROAD_RULES, Math.floor(ruleCount / 4));
  return i < broad ? broadRule(`r${i}`, catalog, common) : itemRule(`r${i}`, catalog, common);
}

function measure(lineCount: number, ruleCount: number, iterations: number) {
  const random = seeded(lineCount * 100_003 + ruleCount);
  const catalog: Catalog = { random, pick: (n) => Math.floor(random() * n) };
  const rules = Array.from({ length: ruleCount }, (_, i) => makeRule(i, ruleCount, catalog));
  const compileStart = performance.now();
  const compiled = compileRules(rules);
  const compileMs = performance.now() - compileStart;
  const baskets = Array.from({ length: 20 }, () => basket(Array.from({ length: lineCount }, (_, i) => line(i, catalog.pick(PRODUCTS), catalog))));
  const ctx = context({
    member: { id: 'm1', levelId: 'gold', birthday: '1990-05-03' },
    vouchers: [{ code: 'Vr300' }, { code: 'Vr500' }, { code: 'Vr900' }],
    manualDiscounts: [{ id: 'md', lineId: null, kind: 'percent', value: 200, enteredBy: 'clerk1', reason: null }],
    rounding: { unitMinor: 10, mode: 'half_up' },
  });
  let checksum = 0;
  for (let i = 0; i < Math.max(200, iterations / 5); i++) checksum += priceBasket(baskets[i % baskets.length]!, ctx, compiled).totalMinor;
  const times: number[] = [];
  let adjustments = 0;
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const priced = priceBasket(baskets[i % baskets.length]!, ctx, compiled);
    times.push(performance.now() - start);
    checksum += priced.totalMinor;
    adjustments += priced.adjustments.length;
  }
  return {
    lines: lineCount,
    rules: ruleCount,
    iterations,
    medianMs: round(percentile(times, 50), 3),
    p99Ms: round(percentile(times, 99), 3),
    compileMs: round(compileMs, 1),
    meanAdjustmentsPerBasket: Math.round(adjustments / iterations),
    checksum,
  };
}

/** `pnpm bench pricing [iterations]`: the till's re-price after a scan, with rules compiled once. */
export default async function pricingBench(args: string[]): Promise<Record<string, unknown>> {
  const iterations = Number(args[0] ?? 2000);
  const large = measure(100, 1000, iterations);
  const wide = measure(10, 10_000, iterations);
  return {
    mix: `${BROAD_RULES} category, brand and ticket rules at most; the rest on single products; half chain-wide, half for one of ten stores`,
    target: { basket100Rules1000MedianMs: 2 },
    meetsTarget: large.medianMs <= 2,
    basket100Rules1000: large,
    basket10Rules10000: wide,
  };
}
