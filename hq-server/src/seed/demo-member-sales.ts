import { businessDate, minor, uuidv7, type Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../http/app-env';
import { memberCards } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { writeSales, type SaleToWrite } from '../sales/write-sales';
import { demoCardNo } from './demo-members';
import { seededRandom, type Random } from './random';

const DAY = 86_400_000;

/**
 * How a generated member buys, by their number: a few spend big every few days, more buy now and
 * then, some joined lately, some stopped coming months ago, some never bought. So member analysis
 * shows A, B and C members and every lifecycle state at first start.
 */
type Habit = { kind: 'heavy' | 'regular' | 'occasional' | 'new' | 'lapsing' | 'lost' | 'never'; visits: (r: Random) => number[]; lines: [number, number] };
const habits: readonly Habit[] = [
  { kind: 'heavy', visits: (r) => spread(r, 1, 75, r.int(2, 5)), lines: [3, 9] },
  { kind: 'regular', visits: (r) => spread(r, 1, 60, r.int(5, 9)), lines: [1, 4] },
  { kind: 'regular', visits: (r) => spread(r, 1, 60, r.int(8, 15)), lines: [1, 4] },
  { kind: 'regular', visits: (r) => spread(r, 1, 90, r.int(12, 20)), lines: [1, 3] },
  { kind: 'regular', visits: (r) => spread(r, 1, 60, r.int(15, 25)), lines: [1, 3] },
  { kind: 'occasional', visits: (r) => Array.from({ length: r.int(1, 2) }, () => r.int(1, 80)), lines: [1, 2] },
  { kind: 'new', visits: (r) => Array.from({ length: r.int(1, 3) }, () => r.int(1, 25)), lines: [1, 4] },
  { kind: 'lapsing', visits: (r) => Array.from({ length: r.int(2, 4) }, () => r.int(100, 170)), lines: [1, 3] },
  { kind: 'lost', visits: (r) => Array.from({ length: r.int(1, 3) }, () => r.int(200, 320)), lines: [1, 3] },
  { kind: 'never', visits: () => [], lines: [0, 0] },
];

/** Days ago from `first` to `last`, every `every` days give or take two. */
function spread(r: Random, first: number, last: number, every: number): number[] {
  const days: number[] = [];
  for (let day = first + r.int(0, every - 1); day <= last; day += Math.max(1, every + r.int(-2, 2))) days.push(day);
  return days;
}

export interface MemberSalesInput {
  chainId: string;
  stores: { id: string; code: string; timeZone: string; currency: string; deviceIds: string[] }[];
  cashiers: { id: string; storeId: string }[];
  products: { id: string; nameZh: string; nameEn: string; barcode: string; priceMinor: number }[];
}

function memberSale(r: Random, input: MemberSalesInput, store: MemberSalesInput['stores'][number], member: { id: string; levelId: string }, at: number, habit: Habit, receiptNo: string): Sale {
  const lines = Array.from({ length: r.int(...habit.lines) }, (_, i) => {
    const product = input.products[Math.floor(r.next() ** 2 * input.products.length)]!;
    const quantity = r.pick([1, 1, 1, 2, 2, 3]);
    const gross = product.priceMinor * quantity;
    return {
      id: uuidv7(at, r.bytes(10)), lineNo: i + 1, productId: product.id, barcode: product.barcode, nameZh: product.nameZh, nameEn: product.nameEn,
      quantity, unitPriceMinor: minor(product.priceMinor), grossMinor: minor(gross), discountMinor: minor(0), netMinor: minor(gross), clerkId: null,
    };
  });
  const total = minor(lines.reduce((n, l) => n + l.netMinor, 0));
  return {
    kind: 'sale', id: uuidv7(at, r.bytes(10)), storeId: store.id, deviceId: r.pick(store.deviceIds), cashierId: r.pick(input.cashiers.filter((c) => c.storeId === store.id)).id,
    receiptNo, currency: store.currency, startedAt: new Date(at - r.int(30_000, 150_000)).toISOString(), completedAt: new Date(at).toISOString(), lines,
    payments: [{ id: uuidv7(at, r.bytes(10)), tender: 'bank_card', amountMinor: total, tenderedMinor: null, reference: `POS${r.int(100000, 999999)}` }],
    subtotalMinor: total, discountMinor: minor(0), totalMinor: total, roundingMinor: 0, changeMinor: minor(0), approvals: [],
    pricing: { channel: 'retail', member: { ...member, birthday: null }, vouchers: [], manualDiscounts: [] },
  };
}

/**
 * Purchases of the generated members (cards 888800255 on; the showcase members and those the care
 * reminders show as never back keep theirs), each mostly at a home store, written through the same
 * writer as the sales history; each member joined a little before their first purchase. Like the
 * history, they earn no points: points come from a till's sales.
 */
export async function seedDemoMemberSales(deps: Deps, input: MemberSalesInput): Promise<number> {
  const { db, clock } = deps;
  const r = seededRandom(20261124);
  const today = Math.floor(clock().getTime() / DAY) * DAY;
  const cards = Array.from({ length: 176 }, (_, i) => demoCardNo(i + 25));
  const buyers = await db.select({ id: members.id, levelId: members.levelId, cardNo: memberCards.cardNo }).from(members)
    .innerJoin(memberCards, and(eq(memberCards.chainId, members.chainId), eq(memberCards.memberId, members.id)))
    .where(and(eq(members.chainId, input.chainId), inArray(memberCards.cardNo, cards))).orderBy(memberCards.cardNo);
  const batch: SaleToWrite[] = [];
  const joined = new Map<string, number>();
  buyers.forEach((member, n) => {
    const habit = habits[n % habits.length]!;
    const home = input.stores[n % input.stores.length]!;
    const days = habit.visits(r);
    days.forEach((daysAgo, visit) => {
      const store = r.next() < 0.85 ? home : r.pick(input.stores);
      const at = today - daysAgo * DAY + (r.int(9, 21) - 8) * 3_600_000 + r.int(0, 3_599_999);
      const sale = memberSale(r, input, store, member, at, habit, `${store.code}-M${n + 1}-${visit + 1}`);
      batch.push({ sale, businessDate: businessDate(sale.completedAt, store.timeZone) });
    });
    if (days.length > 0) joined.set(member.id, today - (Math.max(...days) + r.int(1, 40)) * DAY);
  });
  for (let i = 0; i < batch.length; i += 500) await writeSales(deps, input.chainId, batch.slice(i, i + 500));
  for (const [id, at] of joined) {
    await db.update(members).set({ createdAt: new Date(at) }).where(and(eq(members.chainId, input.chainId), eq(members.id, id)));
    await db.update(memberCards).set({ issuedAt: new Date(at), statusChangedAt: new Date(at) }).where(and(eq(memberCards.chainId, input.chainId), eq(memberCards.memberId, id)));
  }
  return batch.length;
}
