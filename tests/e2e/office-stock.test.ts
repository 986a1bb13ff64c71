import { Allocation, AllocationList, RequisitionList, StockLevelList, WarehouseList, type StockLevel } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const rows = (page: Page, table: string) => page.locator(`[data-testid=${table}] .ant-table-tbody tr.ant-table-row`);

/** The demo centre's stock, by SKU: its first product is the short one the demo's waiting requisitions ask for. */
async function centre(): Promise<{ id: string; levels: StockLevel[] }> {
  const [dc] = (await suite.hqGet('/stock/warehouses', WarehouseList)).items;
  return { id: dc!.id, levels: (await suite.hqGet(`/stock/levels?placeId=${dc!.id}`, StockLevelList)).items };
}

async function levelAt(storeId: string, productId: string): Promise<number> {
  return (await suite.hqGet(`/stock/levels?placeId=${storeId}&productId=${productId}`, StockLevelList)).items[0]?.quantity ?? 0;
}

async function confirmPopup(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

describe('stock and distribution in the office', () => {
  it('a request, a short allocation explained and changed in whole packs, shipped; the franchisee receives a unit short and sees the stock', async () => {
    const { f } = suite;
    const dc = await centre();
    const [short, , , , , , , asked] = dc.levels;
    expect(short!.quantity).toBe(18);

    // HQ sees the demo's waiting requisitions, the overdue one flagged, and asks for a product for S004.
    const page = await suite.open({ email: 'hq@demo.pos', locale: 'en', hash: '#/office/requisitions' });
    await rows(page, 'requisitions-table').first().waitFor();
    expect(await page.getByTestId('requisitions-overdue').textContent()).toContain('1 requisition(s) waiting more than 48 hours');
    expect(await page.locator('[data-testid=requisitions-table] [data-testid=requisition-overdue]').count()).toBe(1);
    await page.getByTestId('requisition-new').click();
    await page.locator('#requisition-store').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'S004' }).click();
    await page.locator('#requisition-product-0').fill(asked!.sku);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: asked!.sku }).click();
    await page.locator('#requisition-quantity-0').fill('24');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-stock-requisition-new');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await suite.hqGet(`/stock/requisitions?storeId=${f.storeIds.S004}&status=asked`, RequisitionList)).items.length).toBe(1);
    await rows(page, 'requisitions-table').filter({ hasText: 'S004' }).first().waitFor();
    await saveShot(page, 'en-stock-requisitions');

    // HQ allocates: the short product goes to the flagship first, the rest in proportion, each line explained.
    await page.goto(`${suite.hq.url}/#/office/allocation`);
    await page.getByTestId('allocation-waiting').filter({ hasText: '5 requisition(s) from 5 store(s) waiting' }).waitFor();
    await page.getByTestId('allocation-run').click();
    await page.locator('[data-testid=allocation][data-status=draft]').waitFor();
    expect(await page.getByTestId('allocation-short').isVisible()).toBe(true);
    const s001Row = page.locator('[data-testid=allocation-lines] tr.ant-table-row').filter({ has: page.getByLabel(`Units of ${short!.sku} for S001`) });
    expect(await s001Row.getByTestId('allocation-why').textContent()).toMatch(/^asked 12, had -?\d+(, \d+ on the way)?; got 12 = 2 packs of 6: its need in full$/);
    const whys = await page.getByTestId('allocation-why').allTextContents();
    expect(whys.some((w) => /proportional share \d+(\.\d)? rounded to packs/.test(w))).toBe(true);
    const s001 = page.getByLabel(`Units of ${short!.sku} for S001`);
    expect(await s001.inputValue()).toBe('12');
    const total = page.locator('[data-testid=allocation-product]', { hasText: short!.sku }).getByTestId('allocation-total');
    expect(await total.textContent()).toBe('18 of 18 held allocated');

    // Part packs and more than the centre holds are refused before anything is sent; a whole pack less is saved.
    await s001.fill('7');
    await page.locator('[data-testid=allocation-product]', { hasText: 'Whole packs of 6 only' }).waitFor();
    expect(await page.getByTestId('allocation-save').isDisabled()).toBe(true);
    await s001.fill('18');
    await page.locator('[data-testid=allocation-product]', { hasText: 'More than the centre holds' }).waitFor();
    expect(await total.textContent()).toBe('24 of 18 held allocated');
    expect(await page.getByTestId('allocation-ship').isDisabled()).toBe(true);
    await s001.fill('6');
    await expect.poll(() => total.textContent()).toBe('12 of 18 held allocated');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-stock-allocation-draft');
    await page.getByTestId('allocation-save').click();
    await expect.poll(() => page.getByTestId('allocation-save').isDisabled()).toBe(true);
    const [draft] = (await suite.hqGet(`/stock/allocations?warehouseId=${dc.id}&status=draft`, AllocationList)).items;
    const saved = await suite.hqGet(`/stock/allocations/${draft!.id}?short=true`, Allocation);
    expect(saved.products.items.map((p) => p.productId)).toEqual([short!.productId]);
    expect(saved.products.items[0]!.lines.find((l) => l.storeCode === 'S001')).toMatchObject({ proposed: 12, quantity: 6 });
    // Only the products the centre is short of, then a search by SKU: the page follows.
    expect(await page.getByTestId('allocation-product').count()).toBe(saved.totals.products);
    await page.getByTestId('allocation-short-only').check();
    await expect.poll(() => page.getByTestId('allocation-product').allTextContents()).toEqual([expect.stringContaining(short!.sku)]);
    await page.getByTestId('allocation-short-only').uncheck();
    await page.getByTestId('allocation-search').locator('input').fill(asked!.sku);
    await page.getByTestId('allocation-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('allocation-product').allTextContents()).toEqual([expect.stringContaining(asked!.sku)]);
    expect(await page.getByTestId('allocation-why').allTextContents()).toEqual([expect.stringMatching(/^asked 24; got 24 = \d+ packs? of \d+: its need in full$/)]);
    expect(await page.getByTestId('allocation-totals').textContent()).toBe(`${saved.totals.products} products for ${saved.totals.stores} stores (${saved.totals.claims} store asks), ${saved.totals.units} units in all`);
    await saveShot(page, 'en-stock-allocation-search');

    await page.getByTestId('allocation-ship').click();
    await confirmPopup(page);
    await page.locator('[data-testid=allocation][data-status=shipped]').waitFor();
    expect(await rows(page, 'allocation-history').first().textContent()).toContain(draft!.no);
    const afterShip = await centre();
    expect(afterShip.levels.find((l) => l.productId === short!.productId)!.quantity).toBe(6);
    expect(afterShip.levels.find((l) => l.productId === asked!.productId)!.quantity).toBe(asked!.quantity - 24);

    const zh = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/allocation' });
    await rows(zh, 'allocation-history').first().waitFor();
    expect(await zh.getByRole('heading', { level: 1 }).textContent()).toBe('总部配送');
    await zh.getByRole('button', { name: `查看 ${draft!.no}` }).click();
    await zh.locator('[data-testid=allocation][data-status=shipped]').waitFor();
    expect((await zh.getByTestId('allocation-why').allTextContents()).some((w) => w.includes('按需配足'))).toBe(true);
    expect(await seriousAccessibilityFindings(zh)).toEqual([]);
    await saveShot(zh, 'zh-stock-allocation-shipped');

    // The franchisee of S004 receives the shipment one unit short: the store's stock takes what arrived.
    const before = await levelAt(f.storeIds.S004!, asked!.productId);
    const east = await suite.open({ email: 'east@demo.pos', locale: 'en', hash: '#/office/shipments' });
    await rows(east, 'shipments-table').first().waitFor();
    expect(await east.locator('.office-menu a').allTextContents()).toEqual(expect.arrayContaining(['Stock on hand', 'Requisitions', 'Shipments and receiving']));
    expect(await east.locator('.office-menu a', { hasText: 'Allocation' }).count()).toBe(0);
    const codes = await rows(east, 'shipments-table').locator('td:nth-child(3)').allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'S004' || c === 'S005')).toBe(true);
    await rows(east, 'shipments-table').filter({ hasText: 'S004' }).filter({ hasText: 'On its way' }).getByTestId('shipment-receive').click();
    const counted = east.getByLabel(`Units of ${asked!.sku} received`);
    expect(await counted.inputValue()).toBe('24');
    await counted.fill('23');
    await east.locator('.ant-modal-footer .ant-btn-primary', { hasText: 'Receive, 1 line(s) different' }).waitFor();
    expect(await seriousAccessibilityFindings(east)).toEqual([]);
    await saveShot(east, 'en-stock-receive');
    await east.locator('.ant-modal-footer .ant-btn-primary').click();
    await east.locator('.ant-modal').waitFor({ state: 'hidden' });
    await rows(east, 'shipments-table').filter({ hasText: 'S004' }).filter({ hasText: '1 short' }).first().waitFor();
    expect(await levelAt(f.storeIds.S004!, asked!.productId)).toBe(before + 23);
    await saveShot(east, 'en-stock-shipments');

    await east.goto(`${suite.hq.url}/#/office/stock-levels`);
    await east.locator('#stock-place').click();
    await east.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'S004' }).click();
    await east.locator('#stock-find').fill(asked!.sku);
    await expect.poll(() => rows(east, 'stock-levels-table').count()).toBe(1);
    expect(await rows(east, 'stock-levels-table').first().locator('td:nth-child(3)').textContent()).toBe(String(before + 23));
    expect(await seriousAccessibilityFindings(east)).toEqual([]);
    await saveShot(east, 'en-stock-levels');
  }, 240_000);
});
