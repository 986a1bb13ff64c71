import { randomBytes } from 'node:crypto';
import { uuidv7, type PairedDevice, type Sale } from '@pos/shared';
import { categories, products } from '@pos/hq-server/catalog/catalog.tables';
import { and, eq } from 'drizzle-orm';
import { makeSale, type Fixture } from './fixture';

/** A line of a sale as a commission test names it: units of a catalog product at a price, and the clerks credited with their shares in basis points. */
export interface CreditedLine {
  product: number;
  units: number;
  unitMinor: number;
  shares: [string, number][];
}

/** A cash sale on `till`, completed at `at`, of the given lines with their clerks, as a till makes it. */
export function saleWithClerks(f: Fixture, till: PairedDevice, at: string, lines: CreditedLine[]): Sale {
  const id = () => uuidv7(f.deps.clock().getTime(), randomBytes(10));
  const sale = makeSale(f, till, till.store.code === 'S001' ? '0012' : '0042', { at: new Date(at), lines: 1 });
  sale.lines = lines.map((l, i) => {
    const item = f.catalog[l.product]!;
    const gross = l.units * l.unitMinor;
    const [first] = l.shares;
    return {
      id: id(), lineNo: i + 1, productId: item.id, barcode: item.barcode, nameZh: item.nameZh, nameEn: item.nameEn, quantity: l.units,
      unitPriceMinor: l.unitMinor, grossMinor: gross, discountMinor: 0, netMinor: gross, clerkId: first?.[0] ?? null,
      ...(l.shares.length > 1 ? { clerkShares: l.shares.map(([clerkId, shareBp]) => ({ clerkId, shareBp })) } : {}),
    };
  }) as Sale['lines'];
  const total = sale.lines.reduce((n, l) => n + l.netMinor, 0);
  sale.payments = [{ id: id(), tender: 'cash', amountMinor: total, tenderedMinor: total, reference: null }] as Sale['payments'];
  Object.assign(sale, { subtotalMinor: total, totalMinor: total, changeMinor: 0 });
  return sale;
}

/** Two catalog products the demo plan pays at its plain rate: no pooled, margin or per-unit rule reaches them. */
export async function plainProducts(f: Fixture): Promise<[number, number]> {
  const rows = await f.deps.db.select({ id: products.id, categoryCode: categories.code }).from(products)
    .innerJoin(categories, and(eq(categories.chainId, products.chainId), eq(categories.id, products.categoryId))).where(eq(products.chainId, f.chainId));
  const codeOf = new Map(rows.map((r) => [r.id, r.categoryCode]));
  const plain = f.catalog.map((p, i) => ({ i, code: codeOf.get(p.id) ?? '' })).filter(({ i, code }) => i > 0 && !['SNK', 'DRY'].includes(code));
  return [plain[0]!.i, plain[1]!.i];
}
