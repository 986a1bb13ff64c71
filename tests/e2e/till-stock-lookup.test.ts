import { StockCount, type Allocation, type Shipment, type WarehouseList } from '@pos/shared';
import { products } from '@pos/hq-server/catalog/catalog.tables';
import { stockLevels } from '@pos/hq-server/stock/stock.tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { bearer, json, signInOffice } from '../support/fixture';
import { openSellingTill, scanCode, startTillHarness, type TillHarness } from './till-page';

let h: TillHarness;
/** The product S001 received a pack short of, and its level there after. */
let short: { sku: string; nameEn: string; level: number };

beforeAll(async () => {
  h = await startTillHarness(async (f, hq) => {
    // HQ allocates what the demo's stores wait for at the distribution centre and ships it; S001's
    // manager then records its shipment, one pack short of its first product.
    const { items } = (await (await f.app.request('/stock/warehouses', bearer(hq))).json()) as WarehouseList;
    const run = await f.app.request('/stock/allocations', json({ warehouseId: items[0]!.id }, hq));
    const allocation = (await run.json()) as Allocation;
    expect((await f.app.request(`/stock/allocations/${allocation.id}/ship`, json({}, hq))).status).toBe(200);
    const manager = await signInOffice(f, 's001@demo.pos');
    const shipments = (await (await f.app.request(`/stock/shipments?storeId=${f.storeIds.S001}&status=in_transit`, bearer(manager))).json()) as { items: Shipment[] };
    const shipment = shipments.items[0]!;
    const first = shipment.lines[0]!;
    const pack = allocation.products.items.find((p) => p.productId === first.productId)!.packSize;
    const lines = shipment.lines.map((l) => ({ productId: l.productId, received: l === first ? l.shipped - pack : l.shipped }));
    expect((await f.app.request(`/stock/shipments/${shipment.id}/receive`, json({ lines }, manager))).status).toBe(200);
    const [product] = await f.deps.db.select({ sku: products.sku, nameEn: products.nameEn }).from(products).where(and(eq(products.chainId, f.chainId), eq(products.id, first.productId)));
    const [level] = await f.deps.db.select({ quantity: stockLevels.quantity }).from(stockLevels)
      .where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, f.storeIds.S001!), eq(stockLevels.productId, first.productId)));
    short = { ...product!, level: level!.quantity };
  });
  await openSellingTill(h.page, h.f, h.hq.url);
}, 240_000);
afterAll(() => h.close());

describe('stock at the till', () => {
  it('shows the store’s new level after a short receipt and the other stores holding the item, and says plainly when HQ is away', async () => {
    const { page } = h;
    await scanCode(page, short.sku);
    await page.getByTestId('product-search-dialog').waitFor();
    await expect.poll(() => page.getByTestId('product-search-row').count()).toBeGreaterThan(0);
    await page.getByTestId('product-search-input').press('Alt+s');
    await page.getByTestId('stock-here').waitFor();
    expect(await page.getByTestId('stock-panel').textContent()).toContain(`Stock of ${short.nameEn}`);
    expect(await page.getByTestId('stock-here').textContent()).toBe(`This store: ${short.level}`);
    expect(await page.getByTestId('stock-sibling').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (process.env.OFFICE_SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.OFFICE_SCREENSHOTS_DIR}/en-till-stock.png` });
    await page.keyboard.press('Escape');

    await page.getByTestId('language-switch').click();
    await h.withHqStopped(async () => {
      await scanCode(page, short.sku);
      await page.getByTestId('product-search-dialog').waitFor();
      await expect.poll(() => page.getByTestId('product-search-row').count()).toBeGreaterThan(0);
      await page.getByTestId('product-search-stock').click();
      await expect.poll(() => page.getByTestId('stock-panel').textContent()).toContain('无法连接总部');
      expect(await seriousAccessibilityFindings(page)).toEqual([]);
      if (process.env.OFFICE_SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.OFFICE_SCREENSHOTS_DIR}/zh-CN-till-stock-offline.png` });
    });
  });

  it('counts by scanning at the till into the store’s open count, the basket untouched', async () => {
    const { page, f } = h;
    // The first test left the item search open.
    await page.keyboard.press('Escape');
    await page.getByTestId('product-search-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('online-indicator').getAttribute('data-state')).toBe('online');
    const hq = await signInOffice(f, 'hq@demo.pos');
    const [counted] = f.catalog;
    const open = await f.app.request('/stock/counts', json({ storeId: f.storeIds.S001, scope: 'shelf', shelf: 'C-02' }, hq));
    expect(open.status).toBe(201);
    const count = StockCount.parse(await open.json());

    // The language is Chinese since the first test; the clerk counts two of one item and scans a code the till does not know.
    await page.getByTestId('stock-count-open').click();
    const code = page.getByTestId('stock-count-code');
    await code.waitFor();
    expect(await page.locator('#stock-count-title').textContent()).toBe(`盘点单 ${count.no}`);
    for (let i = 0; i < 2; i++) {
      await code.fill(counted!.barcode);
      await code.press('Enter');
      await expect.poll(() => page.getByTestId('stock-count-last').textContent()).toBe(`${counted!.nameZh}：已盘 ${i + 1} 件`);
    }
    await code.fill('2999999999999');
    await code.press('Enter');
    await expect.poll(() => page.getByTestId('stock-count-last').textContent()).toBe('收银机不认识编码 2999999999999。');
    expect(await page.locator('[data-testid=stock-count-lines] tr').count()).toBe(1);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (process.env.OFFICE_SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.OFFICE_SCREENSHOTS_DIR}/zh-CN-till-count.png` });
    await page.getByTestId('stock-count-close').click();
    expect(await page.getByTestId('basket-line').count()).toBe(0);

    const sheet = StockCount.parse(await (await f.app.request(`/stock/counts/${count.id}`, bearer(hq))).json());
    expect(sheet.lines).toEqual([expect.objectContaining({ productId: counted!.id, counted: 2 })]);
  });
});
