import { StockCountList, StockLevelList, TransferList, type StockLevel } from '@pos/shared';
import { categories, products } from '@pos/hq-server/catalog/catalog.tables';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const rows = (page: Page, table: string) => page.locator(`[data-testid=${table}] .ant-table-tbody tr.ant-table-row`);

async function levelsAt(storeId: string): Promise<StockLevel[]> {
  return (await suite.hqGet(`/stock/levels?placeId=${storeId}`, StockLevelList)).items;
}

async function levelAt(storeId: string, productId: string): Promise<number> {
  return (await suite.hqGet(`/stock/levels?placeId=${storeId}&productId=${productId}`, StockLevelList)).items[0]?.quantity ?? 0;
}

async function choose(page: Page, select: string, text: string): Promise<void> {
  await page.locator(select).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('transfers between stores and stock counts in the office', () => {
  it('a store sends goods to another with a printed note; the other receives one short and the difference shows', async () => {
    const { f } = suite;
    const sent = (await levelsAt(f.storeIds.S001!)).find((l) => l.quantity > 10)!;
    const fromBefore = sent.quantity;
    const toBefore = await levelAt(f.storeIds.S002!, sent.productId);

    // S001's manager ships five to S002.
    const page = await suite.open({ email: 's001@demo.pos', locale: 'en', hash: '#/office/transfers' });
    await page.getByTestId('transfers-screen').waitFor();
    await page.getByTestId('transfer-new').click();
    await choose(page, '#transfer-from', 'S001');
    await choose(page, '#transfer-to', 'S002');
    await page.locator('#transfer-product-0').fill(sent.sku);
    await choose(page, '#transfer-product-0', sent.sku);
    await page.locator('#transfer-quantity-0').fill('5');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-stock-transfer-new');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    const [transfer] = (await suite.hqGet(`/stock/transfers?storeId=${f.storeIds.S001}&direction=out`, TransferList)).items;
    expect(transfer).toMatchObject({ status: 'in_transit', crossOwner: false, from: { code: 'S001' }, to: { code: 'S002' } });
    expect(await levelAt(f.storeIds.S001!, sent.productId)).toBe(fromBefore - 5);
    const row = rows(page, 'transfers-table').filter({ hasText: transfer!.no });
    await row.filter({ hasText: 'On its way' }).waitFor();
    // The sender cannot receive what it sent.
    expect(await row.getByTestId('transfer-receive').count()).toBe(0);

    // Its note, laid out as the till's printer prints it, to go with the goods.
    await row.getByTestId('transfer-note').click();
    const paper = page.locator('.ant-modal [data-testid=receipt-paper]');
    await paper.waitFor();
    const note = await paper.textContent();
    expect(note).toContain('调拨单 TRANSFER NOTE');
    expect(note).toContain(transfer!.no);
    expect(note).toContain(sent.nameZh);
    expect(await page.locator('body > .office-print-sheet [data-testid=receipt-paper]').count()).toBe(1);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-stock-transfer-note');

    // HQ runs S002: it counts four of the five.
    const hq = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/transfers' });
    const incoming = rows(hq, 'transfers-table').filter({ hasText: transfer!.no });
    await incoming.getByTestId('transfer-receive').click();
    const counted = hq.getByTestId('receive-quantity');
    expect(await counted.inputValue()).toBe('5');
    await counted.fill('4');
    await hq.locator('.ant-modal-footer .ant-btn-primary', { hasText: '1' }).waitFor();
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await saveShot(hq, 'zh-stock-transfer-receive');
    await hq.locator('.ant-modal-footer .ant-btn-primary').click();
    await hq.locator('.ant-modal').waitFor({ state: 'hidden' });
    await incoming.filter({ hasText: '已收货' }).waitFor();
    await incoming.getByTestId('shipment-short').waitFor();
    expect(await levelAt(f.storeIds.S002!, sent.productId)).toBe(toBefore + 4);
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await saveShot(hq, 'zh-stock-transfers');
  }, 240_000);

  it('a count frozen at its start: scanned and typed, its differences shown, then approved and posted', async () => {
    const { f } = suite;
    const held = (await levelsAt(f.storeIds.S001!)).filter((l) => l.quantity > 3);
    const [scanned, typed] = held;
    const barcode = f.catalog.find((p) => p.id === scanned!.productId)!.barcode;

    // HQ opens a category count at S003, whose tills still hold documents: the sheet warns before anything posts.
    const hq = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/counts' });
    await hq.getByTestId('counts-screen').waitFor();
    await hq.getByTestId('count-open').click();
    await choose(hq, '#count-store', 'S003');
    const [stocked] = await levelsAt(f.storeIds.S003!);
    const [category] = await f.deps.db.select({ code: categories.code }).from(products)
      .innerJoin(categories, and(eq(categories.chainId, products.chainId), eq(categories.id, products.categoryId)))
      .where(and(eq(products.chainId, f.chainId), eq(products.id, stocked!.productId)));
    await hq.locator('#count-category').fill(category!.code);
    await choose(hq, '#count-category', category!.code);
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await saveShot(hq, 'zh-stock-count-open');
    await hq.locator('.ant-modal-footer .ant-btn-primary').click();
    await hq.getByTestId('count-sheet').waitFor();
    await hq.getByTestId('count-waiting').waitFor();
    await rows(hq, 'count-lines').first().waitFor();
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await saveShot(hq, 'zh-stock-count-sheet');

    // S001's manager counts a shelf: one product scanned three times, another typed in.
    const page = await suite.open({ email: 's001@demo.pos', locale: 'en', hash: '#/office/counts' });
    await page.getByTestId('count-open').click();
    await choose(page, '#count-store', 'S001');
    await page.getByLabel('Shelf').first().check();
    await page.locator('#count-shelf').fill('A-01');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('count-sheet').waitFor();
    const scan = page.getByTestId('count-scan');
    for (let i = 0; i < 3; i++) {
      await scan.fill(barcode);
      await scan.press('Enter');
      await expect.poll(() => scan.inputValue()).toBe('');
    }
    await scan.fill('0000000000000');
    await scan.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'No single product has the code 0000000000000' }).waitFor();
    await scan.fill(typed!.sku);
    await scan.press('Enter');
    await expect.poll(() => rows(page, 'count-lines').count()).toBe(2);
    const typedInput = page.getByLabel(`Counted of ${typed!.sku}`);
    await typedInput.fill(String(typed!.quantity - 2));
    await typedInput.press('Enter');
    const scannedRow = rows(page, 'count-lines').filter({ hasText: scanned!.sku });
    await expect.poll(async () => page.getByLabel(`Counted of ${scanned!.sku}`).inputValue()).toBe('3');
    await scannedRow.getByTestId('count-difference').filter({ hasText: String(3 - scanned!.quantity) }).waitFor();
    await rows(page, 'count-lines').filter({ hasText: typed!.sku }).getByTestId('count-difference').filter({ hasText: '-2' }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-stock-count-sheet');

    await page.getByTestId('count-post').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.locator('[data-testid=count-sheet] [data-status=posted]').waitFor();
    expect(await levelAt(f.storeIds.S001!, scanned!.productId)).toBe(3);
    expect(await levelAt(f.storeIds.S001!, typed!.productId)).toBe(typed!.quantity - 2);
    const [posted] = (await suite.hqGet(`/stock/counts?storeId=${f.storeIds.S001}&status=posted`, StockCountList)).items;
    expect(posted).toMatchObject({ scope: 'shelf', shelf: 'A-01', counted: 2, differenceUnits: 3 - scanned!.quantity - 2 });
    await rows(page, 'counts-table').filter({ hasText: posted!.no }).filter({ hasText: 'Posted' }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-stock-counts');

    // HQ looks the product up across the stores: on hand per store, at cost, with the totals.
    const lookUp = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/stock-levels' });
    await lookUp.locator('#stock-find').fill(typed!.sku);
    await expect.poll(async () => new Set(await rows(lookUp, 'stock-levels-table').locator('td:nth-child(1)').allTextContents())).toEqual(new Set([typed!.sku]));
    const s001Row = rows(lookUp, 'stock-levels-table').filter({ hasText: 'S001' });
    expect(await s001Row.locator('td:nth-child(3)').textContent()).toBe(String(typed!.quantity - 2));
    expect(await lookUp.locator('[data-testid=stock-levels-table] th', { hasText: '成本金额' }).count()).toBe(1);
    expect(await lookUp.getByTestId('stock-totals').textContent()).toContain('成本金额');
    expect(await seriousAccessibilityFindings(lookUp)).toEqual([]);
    await saveShot(lookUp, 'zh-stock-look-up');
  }, 240_000);
});
