import { randomBytes } from 'node:crypto';
import { minor, uuidv7, type Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { categories, products } from '../catalog/catalog.tables';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { clerks, stores, tillDevices } from '../org/org.tables';
import { pointsRules, pointsSettings } from '../points/points.tables';
import { memberCards } from '../members/membership.tables';
import { memberLevels, members } from '../pricing/pricing.tables';
import { demoCardNo } from './demo-members';
import { ingestSales } from '../sales/ingest-sales';

type DemoProduct = { id: string; barcode: string; nameZh: string; nameEn: string; priceMinor: number };

const STORE = 'S001';
/** The showcase members' purchases: card, days ago, and units of each demo product. */
const purchases: { cardNo: string; daysAgo: number; units: number[] }[] = [
  { cardNo: demoCardNo(1), daysAgo: 40, units: [2, 1, 0] },
  { cardNo: demoCardNo(1), daysAgo: 6, units: [1, 0, 3] },
  { cardNo: demoCardNo(2), daysAgo: 20, units: [0, 2, 1] },
  { cardNo: demoCardNo(3), daysAgo: 3, units: [1, 1, 1] },
];

/** 100 points take ¥1 off and points lapse at the end of the year; 1 point a yuan, gold cards 1.5, the first demo product's family 2. */
async function seedRules({ db, clock }: Deps, chainId: string, familyId: string | null): Promise<void> {
  await db.insert(pointsSettings).values({ chainId, redeemPointsPerYuan: 100, expiryKind: 'end_of_year', expiryMonths: null, updatedAt: clock() });
  const [gold] = await db.select({ id: memberLevels.id }).from(memberLevels).where(and(eq(memberLevels.chainId, chainId), eq(memberLevels.code, 'GOLD_CARD')));
  const rule = (name: string, memberLevelId: string | null, categoryId: string | null, rateBp: number) => ({ chainId, id: newId(clock), name, memberLevelId, categoryId, rateBp, updatedAt: clock() });
  await db.insert(pointsRules).values([
    rule('每消费1元积1分 1 point per yuan', null, null, 10_000),
    ...(gold ? [rule('金卡1.5倍 Gold card 1.5 points', gold.id, null, 15_000)] : []),
    ...(familyId ? [rule('品类双倍积分 Double points on the family', null, familyId, 20_000)] : []),
  ]);
}

/** A cash sale of a showcase member at S001, as the till would push it. */
function showcaseSale(device: DevicePrincipal, cashierId: string, member: { id: string; levelId: string }, at: Date, n: number, items: DemoProduct[], units: number[]): Sale {
  const id = () => uuidv7(at.getTime(), randomBytes(10));
  const lines = items.flatMap((p, i) => (units[i]! > 0 ? [{ p, quantity: units[i]! }] : [])).map(({ p, quantity }, i) => ({
    id: id(), lineNo: i + 1, productId: p.id, barcode: p.barcode, nameZh: p.nameZh, nameEn: p.nameEn, quantity,
    unitPriceMinor: minor(p.priceMinor), grossMinor: minor(p.priceMinor * quantity), discountMinor: minor(0), netMinor: minor(p.priceMinor * quantity), clerkId: null,
  }));
  const total = minor(lines.reduce((sum, l) => sum + l.netMinor, 0));
  return {
    kind: 'sale', id: id(), storeId: device.storeId, deviceId: device.deviceId, cashierId, receiptNo: `${device.deviceCode}-P${n}`, currency: 'CNY',
    startedAt: new Date(at.getTime() - 90_000).toISOString(), completedAt: at.toISOString(), lines,
    payments: [{ id: id(), tender: 'cash', amountMinor: total, tenderedMinor: total, reference: null }],
    subtotalMinor: total, discountMinor: minor(0), totalMinor: total, roundingMinor: 0, changeMinor: minor(0), approvals: [],
    pricing: { channel: 'retail', member: { ...member, birthday: null }, vouchers: [], manualDiscounts: [] },
  };
}

/**
 * The same sale as a till that missed HQ's latest prices would make it, without the member: its
 * first line a yuan dearer and its pricing data older than HQ's, so the office's pricing
 * differences show a till behind.
 */
export function pricedBehind(sale: Sale): Sale {
  const id = () => uuidv7(Date.parse(sale.completedAt), randomBytes(10));
  const extra = sale.lines[0]!.quantity * 100;
  const total = minor(sale.totalMinor + extra);
  return {
    ...sale, id: id(), receiptNo: `${sale.receiptNo}B`,
    lines: sale.lines.map((line, i) => (i === 0
      ? { ...line, id: id(), unitPriceMinor: minor(line.unitPriceMinor + 100), grossMinor: minor(line.grossMinor + extra), netMinor: minor(line.netMinor + extra) }
      : { ...line, id: id() })),
    subtotalMinor: total, totalMinor: total, changeMinor: minor(0), payments: [{ ...sale.payments[0]!, id: id(), amountMinor: total, tenderedMinor: total }],
    pricing: { ...sale.pricing!, member: null, dataSeq: 0 },
  };
}

/** The showcase members' points, earned the way every member's are: by their sales, ingested by HQ; and one sale priced behind (`pricedBehind`). */
async function seedShowcasePoints(deps: Deps, chainId: string, items: DemoProduct[]): Promise<void> {
  const { db, clock } = deps;
  const [device] = await db.select({ id: tillDevices.id, code: tillDevices.code, storeId: stores.id, timeZone: stores.timeZone }).from(tillDevices)
    .innerJoin(stores, and(eq(stores.chainId, tillDevices.chainId), eq(stores.id, tillDevices.storeId)))
    .where(and(eq(tillDevices.chainId, chainId), eq(stores.code, STORE))).orderBy(tillDevices.code).limit(1);
  if (!device) return;
  const [cashier] = await db.select({ id: clerks.id }).from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.storeId, device.storeId), eq(clerks.role, 'cashier'))).limit(1);
  if (!cashier) return;
  const principal: DevicePrincipal = { kind: 'device', chainId, deviceId: device.id, deviceCode: device.code, storeId: device.storeId, storeTimeZone: device.timeZone };
  const showcase = await db.select({ id: members.id, cardNo: memberCards.cardNo, levelId: members.levelId }).from(members)
    .innerJoin(memberCards, and(eq(memberCards.chainId, members.chainId), eq(memberCards.memberId, members.id)))
    .where(and(eq(members.chainId, chainId), inArray(memberCards.cardNo, purchases.map((p) => p.cardNo))));
  const byCard = new Map(showcase.map((m) => [m.cardNo, m]));
  const sales = purchases.flatMap((p, n) => {
    const member = byCard.get(p.cardNo);
    return member ? [showcaseSale(principal, cashier.id, member, new Date(clock().getTime() - p.daysAgo * 86_400_000), n + 1, items, p.units)] : [];
  });
  await ingestSales(deps, principal, [...sales, ...sales.slice(0, 1).map(pricedBehind)], { changeHead: null });
}

/**
 * The demo chain's points: settings, earning rules and, when the demo has a sales history, the
 * showcase members' points from a few of their purchases at S001.
 */
export async function seedDemoPoints(deps: Deps, chainId: string, items: DemoProduct[], withPurchases: boolean): Promise<void> {
  const [first] = items.length
    ? await deps.db.select({ parentId: categories.parentId, id: categories.id }).from(products)
      .innerJoin(categories, and(eq(categories.chainId, products.chainId), eq(categories.id, products.categoryId)))
      .where(and(eq(products.chainId, chainId), eq(products.id, items[0]!.id)))
    : [];
  await seedRules(deps, chainId, first ? first.parentId ?? first.id : null);
  if (withPurchases) await seedShowcasePoints(deps, chainId, items.slice(0, 3));
}
