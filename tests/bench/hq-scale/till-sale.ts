import { randomBytes } from 'node:crypto';
import { minor, uuidv7, type Sale } from '@pos/shared';

/** A product a till sells, at the chain's retail price in force. */
export interface CatalogItem {
  id: string;
  barcode: string;
  nameZh: string;
  nameEn: string;
  priceMinor: number;
}

/** Who a simulated till is at HQ: its device, store, the store's clerks and the token it holds. */
export interface TillIdentity {
  deviceId: string;
  deviceCode: string;
  storeId: string;
  storeNumber: number;
  currency: string;
  clerkIds: string[];
  token: string;
}

const newId = (at: number) => uuidv7(at, randomBytes(10));

/**
 * A cash sale of 1–4 different products, 1–3 of each, at the chain's price, rung up over the
 * minute before `at` by one of the store's clerks: ids made on the till as the till makes them.
 */
export function tillSale(till: TillIdentity, catalog: readonly CatalogItem[], receiptNumber: number, at: number, random: () => number): Sale {
  const count = 1 + Math.floor(random() * 4);
  const picked = new Set<CatalogItem>();
  while (picked.size < count) picked.add(catalog[Math.floor(random() * catalog.length)]!);
  const lines = [...picked].map((item, i) => {
    const quantity = 1 + Math.floor(random() * 3);
    const gross = minor(item.priceMinor * quantity);
    return {
      id: newId(at), lineNo: i + 1, productId: item.id, barcode: item.barcode, nameZh: item.nameZh, nameEn: item.nameEn,
      quantity, unitPriceMinor: minor(item.priceMinor), grossMinor: gross, discountMinor: minor(0), netMinor: gross, clerkId: null,
    };
  });
  const total = minor(lines.reduce((n, l) => n + l.netMinor, 0));
  const tendered = minor(Math.ceil(total / 10_000) * 10_000);
  return {
    kind: 'sale', id: newId(at), storeId: till.storeId, deviceId: till.deviceId, cashierId: till.clerkIds[Math.floor(random() * till.clerkIds.length)]!,
    receiptNo: `${till.deviceCode}-${receiptNumber}`, currency: till.currency,
    startedAt: new Date(at - 30_000 - Math.floor(random() * 60_000)).toISOString(), completedAt: new Date(at).toISOString(),
    lines,
    payments: [{ id: newId(at), tender: 'cash', amountMinor: total, tenderedMinor: tendered, reference: null }],
    subtotalMinor: total, discountMinor: minor(0), totalMinor: total, roundingMinor: minor(0), changeMinor: minor(tendered - total), approvals: [],
  };
}
