import { businessDate, saleLineClerks, shareBetween, uuidv7, type Sale } from '@pos/shared';
import type { Deps } from '../http/app-env';
import { writeSales, type SaleToWrite } from '../sales/write-sales';
import type { DemoPromotion } from './demo-promotions';
import { seededRandom, type Random } from './random';

interface HistoryInput {
  chainId: string;
  days: number;
  random: Random;
  stores: { id: string; code: string; timeZone: string; currency: string; traffic: number; deviceIds: string[] }[];
  clerks: { id: string; storeId: string; role: string }[];
  products: { id: string; nameZh: string; nameEn: string; barcode: string; priceMinor: number }[];
  /** Promotions the history is priced with on the days they ran. */
  promotions?: readonly DemoPromotion[];
}

const DAY = 86_400_000;
/** Busier at the weekend; Sunday first, as `getUTCDay` counts. */
const weekdayFactor = [1.3, 0.9, 0.9, 0.95, 1, 1.2, 1.4];

/** Shanghai-time opening hours 07:00–23:00, weighted to lunch and the evening. */
function saleInstant(random: Random, dayStartUtc: number): number {
  const hour = random.pick([7, 8, 8, 9, 10, 11, 12, 12, 12, 13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 21, 22]);
  return dayStartUtc + (hour - 8) * 3_600_000 + random.int(0, 3_599_999);
}

/**
 * Now and then a cashier takes a line off and their role asks for the store manager (店长授权),
 * so the office's manager overrides have something to show at first start.
 */
function demoApprovals(input: HistoryInput, cashierId: string, managerId: string | undefined, at: number): Sale['approvals'] {
  if (managerId === undefined || managerId === cashierId || input.random.next() >= 0.02) return [];
  return [{ id: uuidv7(at, input.random.bytes(10)), key: 'void_line', lineId: null, requestedBy: cashierId, approvedBy: managerId, at: new Date(at - 30_000).toISOString() }];
}

function demoSale(input: HistoryInput, store: HistoryInput['stores'][number], cashierId: string, at: number, receiptNo: string, promotions: readonly DemoPromotion[], managerId?: string): Sale {
  const { random } = input;
  const lineCount = random.pick([1, 1, 2, 2, 2, 3, 3, 4, 5, 6]);
  const lines = Array.from({ length: lineCount }, (_, i) => {
    // Squaring the draw makes the first products the best sellers, as in a real shop.
    const product = input.products[Math.floor(random.next() ** 2 * input.products.length)]!;
    const quantity = random.pick([1, 1, 1, 1, 2, 2, 3]);
    const gross = product.priceMinor * quantity;
    const line = {
      id: uuidv7(at, random.bytes(10)), lineNo: i + 1, productId: product.id, barcode: product.barcode, nameZh: product.nameZh, nameEn: product.nameEn,
      quantity, unitPriceMinor: product.priceMinor, grossMinor: gross, discountMinor: 0, netMinor: gross, clerkId: null,
    };
    const promotion = promotions.find((p) => p.productIds.has(product.id));
    if (!promotion) return line;
    const discount = Math.round((gross * promotion.percentBp) / 10_000);
    return { ...line, discountMinor: discount, netMinor: gross - discount, adjustments: [{ ruleId: promotion.id, ruleName: promotion.name, amountMinor: discount }] };
  });
  const total = lines.reduce((n, l) => n + l.netMinor, 0);
  const discounted = lines.reduce((n, l) => n + l.discountMinor, 0);
  const cash = random.next() < 0.45;
  const tendered = cash ? Math.ceil(total / 5000) * 5000 : null;
  return {
    kind: 'sale', id: uuidv7(at, random.bytes(10)), storeId: store.id, deviceId: random.pick(store.deviceIds), cashierId, receiptNo, currency: store.currency,
    startedAt: new Date(at - random.int(20_000, 180_000)).toISOString(), completedAt: new Date(at).toISOString(), lines,
    payments: [{ id: uuidv7(at, random.bytes(10)), tender: cash ? 'cash' : 'bank_card', amountMinor: total, tenderedMinor: tendered, reference: cash ? null : `POS${random.int(100000, 999999)}` }],
    subtotalMinor: total + discounted, discountMinor: discounted, totalMinor: total, roundingMinor: 0, changeMinor: tendered === null ? 0 : tendered - total,
    approvals: demoApprovals(input, cashierId, managerId, at),
  } as Sale;
}

/**
 * About a quarter of the lines go to a store's sales clerks (营业员), and at a store with two of
 * them a few are shared (50/50, 60/40 or 70/30), so commission has lines to work on. The draws
 * come from a generator of their own, so the rest of the demo stays as it was.
 */
function creditLines(lines: Sale['lines'], salesClerks: readonly string[], random: Random): Sale['lines'] {
  const count = salesClerks.length;
  if (count === 0) return lines;
  return lines.map((line) => {
    if (random.next() >= 0.25) return line;
    const first = random.int(0, count - 1);
    const second = count > 1 && random.next() < 0.3 ? (first + random.int(1, count - 1)) % count : null;
    const shared = shareBetween(salesClerks[first]!, second === null ? null : salesClerks[second]!, random.pick([5000, 6000, 7000]));
    return shared.ok ? { ...line, ...saleLineClerks(shared.shares) } : line;
  });
}

/** Writes `days` days of believable sales before today through the same writer ingest uses, so roll-ups agree. */
export async function seedSalesHistory(deps: Deps, input: HistoryInput): Promise<number> {
  const today = Math.floor(deps.clock().getTime() / DAY) * DAY;
  const crediting = seededRandom(20261123);
  let written = 0;
  for (const store of input.stores) {
    const cashiers = input.clerks.filter((c) => c.storeId === store.id && c.role !== 'sales_clerk').map((c) => c.id);
    const salesClerks = input.clerks.filter((c) => c.storeId === store.id && c.role === 'sales_clerk').map((c) => c.id);
    const managerId = input.clerks.find((c) => c.storeId === store.id && c.role === 'store_manager')?.id;
    const batch: SaleToWrite[] = [];
    let receipt = 0;
    for (let day = input.days; day >= 1; day--) {
      const dayStart = today - day * DAY;
      const tickets = Math.round(store.traffic * weekdayFactor[new Date(dayStart).getUTCDay()]! * (0.8 + input.random.next() * 0.4));
      const instants = Array.from({ length: tickets }, () => saleInstant(input.random, dayStart)).sort((a, b) => a - b);
      for (const at of instants) {
        const running = (input.promotions ?? []).filter((p) => day <= p.fromDaysAgo && day >= p.toDaysAgo);
        const drawn = demoSale(input, store, input.random.pick(cashiers), at, `${store.code}-H${++receipt}`, running, managerId);
        const sale = { ...drawn, lines: creditLines(drawn.lines, salesClerks, crediting) };
        batch.push({ sale, businessDate: businessDate(sale.completedAt, store.timeZone) });
      }
    }
    for (let i = 0; i < batch.length; i += 500) await writeSales(deps, input.chainId, batch.slice(i, i + 500));
    written += batch.length;
  }
  return written;
}
