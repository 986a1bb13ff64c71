import { businessDate, type ProductAttributeName, type ProductStatus } from '@pos/shared';
import type { Random } from './random';

/** The chain's named product attributes (slots 1–3; 4–6 stay unused). */
export const demoAttributeNames: ProductAttributeName[] = [
  { slot: 1, nameZh: '产地', nameEn: 'Origin' },
  { slot: 2, nameZh: '保质期', nameEn: 'Shelf life' },
  { slot: 3, nameZh: '规格', nameEn: 'Spec' },
];

const origins = ['广东广州', '浙江杭州', '上海', '山东青岛', '四川成都', '内蒙古呼和浩特', '福建厦门'];
const shelfLives = ['6个月', '9个月', '12个月', '18个月', '24个月'];

/** Attribute values for every third product: where it is made, how long it keeps, its size. */
export function demoAttributes(index: number, size: string): { attribute1: string | null; attribute2: string | null; attribute3: string | null } {
  if (index % 3 !== 0) return { attribute1: null, attribute2: null, attribute3: null };
  return { attribute1: origins[index % origins.length]!, attribute2: shelfLives[index % shelfLives.length]!, attribute3: size };
}

const DAY = 86_400_000;

/**
 * A cost price (进价) of 65–80% of retail, in force for 90 days; every tenth product also has an
 * older, lower one, so its history shows a change.
 */
export function demoCosts(random: Random, priceMinor: number, index: number, now: Date) {
  const current = { amountMinor: Math.round((priceMinor * random.int(65, 80)) / 100), effectiveFrom: new Date(now.getTime() - 90 * DAY) };
  if (index % 10 !== 0) return [current];
  return [{ amountMinor: Math.round(current.amountMinor * 0.95), effectiveFrom: new Date(now.getTime() - 240 * DAY) }, current];
}

/**
 * The lifecycle of the catalog's last few products: the last is discontinued from 30 days ago
 * (tills refuse it), the one before from 30 days ahead (it still sells), the two before are new.
 * Their place at the end keeps them out of the sales history, which sells the first 1,500.
 */
export function demoLifecycle(index: number, count: number, now: Date, timeZone: string): { status: ProductStatus; discontinuedFrom: string | null } {
  const fromEnd = count - 1 - index;
  if (fromEnd === 0) return { status: 'discontinued', discontinuedFrom: businessDate(new Date(now.getTime() - 30 * DAY), timeZone) };
  if (fromEnd === 1) return { status: 'discontinued', discontinuedFrom: businessDate(new Date(now.getTime() + 30 * DAY), timeZone) };
  if (fromEnd <= 3) return { status: 'new', discontinuedFrom: null };
  return { status: 'normal', discontinuedFrom: null };
}
