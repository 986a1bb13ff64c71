import { and, eq } from 'drizzle-orm';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { products } from '../catalog/catalog.tables';
import { stores, users } from '../org/org.tables';
import { enterCounts, openCount, postCount } from '../stock/counts.service';
import { receiveTransfer, shipTransfer } from '../stock/transfers.service';

/**
 * Goods moving between the demo's stores and being counted: S002 sent S003 goods that are still
 * on their way; the east franchisee's S004 sold S001 a carton at the transfer price, received one
 * short; S002 counted a shelf and posted what was missing; S005 is halfway through counting a
 * category, so a newcomer sees a sheet with differences waiting for a manager.
 */
export async function seedDemoStoreStock(deps: Deps, chainId: string): Promise<void> {
  const { db, clock } = deps;
  const catalog = await db.select({ id: products.id, categoryId: products.categoryId }).from(products)
    .where(and(eq(products.chainId, chainId), eq(products.active, true))).orderBy(products.sku).limit(60);
  const storeRows = await db.select({ id: stores.id, code: stores.code }).from(stores).where(eq(stores.chainId, chainId));
  const storeOf = (code: string) => storeRows.find((s) => s.code === code)!.id;
  const [hq] = await db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, 'hq@demo.pos')));
  const office: OfficePrincipal = { kind: 'office', chainId, userId: hq!.id, sessionId: newId(clock), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };
  // A small chain (a test's few products) takes its last eight products; the demo its 51st to 58th.
  if (catalog.length < 8) return;
  const first = Math.min(50, catalog.length - 8);
  const product = (i: number) => catalog[first + i - 50]!.id;

  await shipTransfer(deps, office, {
    id: newId(clock), fromStoreId: storeOf('S002'), toStoreId: storeOf('S003'), note: '徐家汇店缺货，陆家嘴店调剂',
    lines: [{ productId: product(50), quantity: 6 }, { productId: product(51), quantity: 4 }],
  });
  const sold = await shipTransfer(deps, office, {
    id: newId(clock), fromStoreId: storeOf('S004'), toStoreId: storeOf('S001'),
    lines: [{ productId: product(52), quantity: 12 }, { productId: product(53), quantity: 6, unitPriceMinor: 250 }],
  });
  await receiveTransfer(deps, office, sold.id, { lines: [{ productId: product(52), received: 11 }, { productId: product(53), received: 6 }] });

  const shelf = await openCount(deps, office, { storeId: storeOf('S002'), scope: 'shelf', shelf: 'A-03', note: '饮料货架抽盘' });
  const onShelf = await enterCounts(deps, office, shelf.id, { lines: [54, 55, 56].map((i) => ({ productId: product(i), quantity: 10, mode: 'set' as const })) });
  await enterCounts(deps, office, onShelf.id, { lines: [{ productId: product(54), quantity: 1, mode: 'add' }] });
  await postCount(deps, office, shelf.id, { uncounted: 'keep' });

  const category = catalog[first + 7]!.categoryId!;
  const sheet = await openCount(deps, office, { storeId: storeOf('S005'), scope: 'category', categoryId: category, note: '月末盘点' });
  const counted = sheet.lines.slice(0, 3);
  await enterCounts(deps, office, sheet.id, { lines: counted.map((l, i) => ({ productId: l.productId, quantity: Math.max(0, l.book - i), mode: 'set' as const })) });
}
