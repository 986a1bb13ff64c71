import { randomBytes } from 'node:crypto';
import {
  compilePriceBook, compileRules, giftSaleAmounts, priceBasket, PullResponse, resolvePrice, uuidv7,
  type BasketLine, type Category, type Change, type CompiledRules, type GiftLine, type ManualDiscount, type MemberContext, type PairedDevice, type PriceBook, type PricedLine, type Product, type RoundingPolicy, type Sale,
} from '@pos/shared';
import type { App } from './fixture';

type PulledPrice = Extract<Change, { entity: 'price' }>['data'];
type PulledPromotion = Extract<Change, { entity: 'promotion' }>['data'];

/** What a till holds after pulling everything: rows by key, inactive ones dropped, as the till's Dexie would. */
export interface TillCatalog {
  products: Map<string, Product>;
  categories: Map<string, Category>;
  prices: Map<string, PulledPrice>;
  promotions: Map<string, PulledPromotion>;
}

function apply(catalog: TillCatalog, change: Change): void {
  if (change.entity === 'product') catalog.products.set(change.data.id, change.data);
  if (change.entity === 'category') catalog.categories.set(change.data.id, change.data);
  if (change.entity === 'price') {
    if (change.data.active) catalog.prices.set(change.data.id, change.data);
    else catalog.prices.delete(change.data.id);
  }
  if (change.entity === 'promotion') catalog.promotions.set(change.data.id, change.data);
}

/** Pulls page after page through `/sync/pull` as a till does, parsing each page with the wire schema. */
export async function pullEverything(app: App, deviceToken: string, catalog?: TillCatalog, from = 0): Promise<{ catalog: TillCatalog; cursor: number; changes: Change[] }> {
  const held = catalog ?? { products: new Map(), categories: new Map(), prices: new Map(), promotions: new Map() };
  const changes: Change[] = [];
  let cursor = from;
  for (let more = true; more; ) {
    const res = await app.request(`/sync/pull?cursor=${cursor}&limit=500`, { headers: { authorization: `Bearer ${deviceToken}` } });
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
    const page = PullResponse.parse(await res.json());
    for (const change of page.changes) apply(held, change);
    changes.push(...page.changes);
    cursor = page.cursor;
    more = page.hasMore;
  }
  return { catalog: held, cursor, changes };
}

export interface TillPricer {
  catalog: TillCatalog;
  book: PriceBook;
  rules: CompiledRules;
}

/** Compiles what the till pulled, once, as the till does when its catalog changes. */
export function tillPricer(catalog: TillCatalog): TillPricer {
  const prices = [...catalog.prices.values()].map((p) => ({ ...p, memberLevelId: p.memberLevelId ?? null }));
  const active = [...catalog.promotions.values()].filter((p) => p.status === 'active').map((p) => p.rule);
  return { catalog, book: compilePriceBook({ products: [...catalog.products.values()], prices }), rules: compileRules(active) };
}

function ancestors(catalog: TillCatalog, categoryId: string | null): string[] {
  const found: string[] = [];
  for (let id = categoryId ? catalog.categories.get(categoryId)?.parentId ?? null : null; id; id = catalog.categories.get(id)?.parentId ?? null) found.push(id);
  return found;
}

export interface TillSaleInput {
  at: Date;
  items: { productId: string; quantity: number }[];
  member: MemberContext | null;
  vouchers: string[];
  /** `lineIndex` null for a ticket discount. */
  manual: { lineIndex: number | null; kind: 'percent' | 'amount'; value: number }[];
  /** The chain's cash rounding; none when absent. */
  rounding?: RoundingPolicy;
  /** The till's pull cursor, recorded on the sale. */
  dataSeq?: number;
}

const newUuid = (at: Date) => uuidv7(at.getTime(), randomBytes(10));

function saleLineOf(pricer: TillPricer, priced: PricedLine, lineNo: number, ruleNames: Map<string, string>): Sale['lines'][number] {
  const product = pricer.catalog.products.get(priced.productId)!;
  const byRule = new Map<string, number>();
  for (const d of priced.discounts) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + d.amountMinor);
  return {
    id: priced.lineId, lineNo, productId: priced.productId, barcode: null, nameZh: product.nameZh, nameEn: product.nameEn, quantity: priced.quantity,
    unitPriceMinor: priced.unitPriceMinor, grossMinor: priced.grossMinor, discountMinor: priced.discountMinor, netMinor: priced.netMinor, clerkId: null,
    adjustments: [...byRule].map(([ruleId, amount]) => ({ ruleId, ruleName: ruleNames.get(ruleId) ?? ruleId, amountMinor: amount as Sale['totalMinor'] })),
  };
}

function giftLineOf(pricer: TillPricer, gift: GiftLine, id: string, lineNo: number): Sale['lines'][number] {
  const product = pricer.catalog.products.get(gift.productId)!;
  const { unitPriceMinor, grossMinor } = giftSaleAmounts(gift);
  return {
    id, lineNo, productId: gift.productId, barcode: null, nameZh: product.nameZh, nameEn: product.nameEn, quantity: gift.quantity,
    unitPriceMinor, grossMinor, discountMinor: grossMinor, netMinor: 0 as Sale['totalMinor'], clerkId: null,
    adjustments: [{ ruleId: gift.ruleId, ruleName: gift.ruleName, amountMinor: grossMinor }], giftRuleId: gift.ruleId,
  };
}

/** A sale priced on the till side with the shared engine from what the till pulled, as the till would push it. */
export function priceSaleOnTill(pricer: TillPricer, till: PairedDevice, cashierId: string, input: TillSaleInput, receiptNo: string): Sale {
  const { at } = input;
  const channel = 'retail' as const;
  const lines: BasketLine[] = input.items.map((item) => {
    const product = pricer.catalog.products.get(item.productId)!;
    const price = resolvePrice(pricer.book, { productId: item.productId, storeId: till.store.id, memberLevelId: input.member?.levelId ?? null, channel, instant: at.toISOString(), timeZone: till.store.timeZone });
    if (!price.ok) throw new Error(`the till cannot price ${item.productId}: ${price.code}`);
    return {
      lineId: newUuid(at), productId: item.productId, quantity: item.quantity, unitPriceMinor: price.unitPriceMinor, categoryId: product.categoryId,
      ancestorCategoryIds: ancestors(pricer.catalog, product.categoryId), brandId: product.brandId, clerkId: null, weightGrams: null,
    };
  });
  const manualDiscounts: ManualDiscount[] = input.manual.map((m) => ({
    id: newUuid(at), lineId: m.lineIndex === null ? null : lines[m.lineIndex]!.lineId, kind: m.kind, value: m.value, enteredBy: cashierId, reason: null,
  }));
  const pricing = { channel, member: input.member, vouchers: input.vouchers.map((code) => ({ code })), manualDiscounts, ...(input.dataSeq === undefined ? {} : { dataSeq: input.dataSeq }) };
  const rounding = input.rounding ?? { unitMinor: 1, mode: 'half_up' };
  const priced = priceBasket({ lines }, { storeId: till.store.id, instant: at.toISOString(), timeZone: till.store.timeZone, ...pricing, rounding }, pricer.rules);
  const ruleNames = new Map(priced.adjustments.map((a) => [a.ruleId, a.ruleName]));
  const sold = priced.lines.map((line, i) => saleLineOf(pricer, line, i + 1, ruleNames));
  const gifts = priced.gifts.map((gift, i) => giftLineOf(pricer, gift, newUuid(at), sold.length + i + 1));
  const giftValue = gifts.reduce((sum, g) => sum + g.grossMinor, 0);
  const payable = priced.payableMinor;
  const tendered = Math.ceil((payable + 1) / 10_000) * 10_000;
  return {
    kind: 'sale', id: newUuid(at), storeId: till.store.id, deviceId: till.device.id, cashierId, receiptNo, currency: till.store.currency, approvals: [],
    startedAt: new Date(at.getTime() - 60_000).toISOString(), completedAt: at.toISOString(),
    lines: [...sold, ...gifts],
    payments: [{ id: newUuid(at), tender: 'cash', amountMinor: payable, tenderedMinor: tendered as Sale['totalMinor'], reference: null }],
    subtotalMinor: (priced.subtotalMinor + giftValue) as Sale['totalMinor'], discountMinor: (priced.discountMinor + giftValue) as Sale['totalMinor'],
    totalMinor: priced.totalMinor, roundingMinor: priced.roundingMinor, changeMinor: (tendered - payable) as Sale['totalMinor'], pricing,
  };
}
