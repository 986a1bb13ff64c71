import { GoodsReceiptList, PurchaseOrder, PurchaseOrderList, StockLevelList } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const rows = (page: Page, table: string) => page.locator(`[data-testid=${table}] .ant-table-tbody tr.ant-table-row`);

async function levelAt(storeId: string, productId: string): Promise<number> {
  return (await suite.hqGet(`/stock/levels?placeId=${storeId}&productId=${productId}`, StockLevelList)).items[0]?.quantity ?? 0;
}

/** Counts the browser's print dialogs instead of opening them. */
async function countPrints(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => void (counted.printed += 1);
  });
  return () => page.evaluate(() => (window as unknown as { printed: number }).printed);
}

describe('receiving from suppliers in the office', () => {
  it('the franchisee receives the demo order two short with a product not ordered, prints the note, and the stock moves', async () => {
    const { f } = suite;
    const [order] = (await suite.hqGet(`/stock/purchase-orders?placeId=${f.storeIds.S004}&status=open`, PurchaseOrderList)).items;
    const [first, second] = order!.lines;
    const extra = f.catalog.find((p) => !order!.lines.some((l) => l.productId === p.id))!;
    const before = { first: await levelAt(f.storeIds.S004!, first!.productId), extra: await levelAt(f.storeIds.S004!, extra.id) };

    // The east franchisee receives the order: the first line came two short, and a product nobody ordered came too.
    const page = await suite.open({ email: 'east@demo.pos', locale: 'en', hash: '#/office/purchase-orders' });
    const row = rows(page, 'purchase-orders-table').filter({ hasText: order!.no });
    await row.getByTestId('order-receive').click();
    const quantities = page.getByTestId('receiving-line-quantity');
    await expect.poll(() => quantities.count()).toBe(2);
    await page.getByLabel(`Quantity of ${first!.sku}`).fill(String(first!.outstanding - 2));
    await page.locator('.ant-modal [data-testid=shipment-short]', { hasText: '2 short' }).waitFor();
    await page.locator('#receipt-scan').fill(extra.barcode);
    await page.locator('#receipt-scan').press('Enter');
    await page.locator('.ant-modal [data-testid=shipment-over]', { hasText: '1 over' }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-receiving-receive');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();

    // The note follows at once, with each line's difference against the order, and prints on A4.
    const lines = page.getByTestId('receiving-note-lines');
    await lines.waitFor();
    const [receipt] = (await suite.hqGet(`/stock/goods-receipts?placeId=${f.storeIds.S004}`, GoodsReceiptList)).items;
    expect(receipt!.purchaseOrder!.no).toBe(order!.no);
    expect(receipt!.lines.map((l) => [l.sku, l.quantity, l.difference]).sort()).toEqual([
      [first!.sku, first!.outstanding - 2, -2], [second!.sku, second!.outstanding, 0], [receipt!.lines.find((l) => l.productId === extra.id)!.sku, 1, 1],
    ].sort());
    expect(await page.locator('.ant-modal-title').textContent()).toBe(`Goods receipt ${receipt!.no}`);
    expect(await lines.locator('[data-testid=shipment-short]').textContent()).toBe('2 short');
    const printed = await countPrints(page);
    await page.getByTestId('receiving-note-print').click();
    expect(await printed()).toBe(1);
    const sheet = page.locator('body > .office-print-sheet[data-testid=receiving-note-sheet]');
    expect(await sheet.locator('h1').textContent()).toBe(`Goods receipt ${receipt!.no}`);
    expect(await sheet.locator('tbody tr').count()).toBe(3);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-receiving-note');
    await page.emulateMedia({ media: 'print' });
    await saveShot(page, 'en-receiving-note-paper');
    await page.emulateMedia({ media: 'screen' });

    // The stock moved by what came, and the order waits for the rest.
    expect(await levelAt(f.storeIds.S004!, first!.productId)).toBe(before.first + first!.outstanding - 2);
    expect(await levelAt(f.storeIds.S004!, extra.id)).toBe(before.extra + 1);
    const after = await suite.hqGet(`/stock/purchase-orders/${order!.id}`, PurchaseOrder);
    expect(after.status).toBe('partly_received');
    expect(after.lines.find((l) => l.productId === first!.productId)!.outstanding).toBe(2);
    await page.locator('.ant-modal-footer button', { hasText: 'Close' }).click();
    await rows(page, 'purchase-orders-table').filter({ hasText: order!.no }).filter({ hasText: 'Partly received' }).waitFor();
  });

  it('HQ sees the orders, the receipts and their notes in Chinese', async () => {
    const page = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/purchase-orders' });
    await rows(page, 'purchase-orders-table').filter({ hasText: '部分到货' }).first().waitFor();
    await rows(page, 'purchase-orders-table').filter({ hasText: '部分到货' }).first().click();
    await page.getByTestId('order-outstanding').first().waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'zh-receiving-orders');

    await page.goto(`${suite.hq.url}/#/office/goods-receipts`);
    const receipt = rows(page, 'goods-receipts-table').filter({ hasText: 'S001' }).first();
    await receipt.getByTestId('receipt-note').click();
    await page.getByTestId('receiving-note-lines').waitFor();
    expect(await page.locator('.ant-modal-title').textContent()).toMatch(/^收货单 G\d{6}$/);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'zh-receiving-note');

    await page.goto(`${suite.hq.url}/#/office/supplier-returns`);
    await rows(page, 'supplier-returns-table').filter({ hasText: '破损' }).first().getByTestId('return-note').click();
    await page.getByTestId('receiving-note-lines').waitFor();
    expect(await page.locator('.ant-modal-title').textContent()).toMatch(/^退货单 V\d{6}$/);
    await saveShot(page, 'zh-receiving-return-note');
  });
});
