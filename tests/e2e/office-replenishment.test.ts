import { ReplenishmentSuggestionList, RequisitionList } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const rows = (page: Page, table: string) => page.locator(`[data-testid=${table}] .ant-table-tbody tr.ant-table-row`);

describe('replenishment in the office', () => {
  it('shows a store’s suggestions explained, asks for the ticked ones as one requisition, and sets a rule', async () => {
    const { f } = suite;
    // The demo's rules at S001: two products below their min, one above it, two selling one to send one.
    const before = (await suite.hqGet(`/stock/replenishment/suggestions?storeId=${f.storeIds.S001}`, ReplenishmentSuggestionList)).items;
    const toAsk = before.filter((s) => s.quantity > 0);
    expect(toAsk.length).toBeGreaterThanOrEqual(2);

    const page = await suite.open({ email: 'hq@demo.pos', locale: 'en', hash: '#/office/replenishment' });
    await expect.poll(() => rows(page, 'replenishment-suggestions').count()).toBe(before.length);
    const whys = await page.getByTestId('replenishment-why').allTextContents();
    expect(whys.filter((w) => /^on hand -?\d+, on the way \d+, asked \d+.*; min \d+, max \d+, pack \d+ → ask \d+ = \d+ packs?: \d+ to reach max/.test(w))).toHaveLength(toAsk.length);
    expect(whys.some((w) => w.endsWith('→ nothing: above min'))).toBe(true);
    expect(whys.some((w) => w.endsWith('→ nothing: none sold since the last ask'))).toBe(true);
    expect(await page.getByTestId('replenishment-ask').isDisabled()).toBe(true);
    for (const s of toAsk) await page.getByLabel(`Ask for ${s.sku}`).check();
    await page.getByTestId('replenishment-ask').filter({ hasText: `Ask for these (${toAsk.length})` }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-replenishment');

    await page.getByTestId('replenishment-ask').click();
    const asked = await page.getByTestId('replenishment-asked').textContent();
    const no = /Requisition (R\d{6}) asks for (\d+) product\(s\)/.exec(asked ?? '');
    expect(no?.[2]).toBe(String(toAsk.length));
    // Asked: nothing is left to suggest for them, so the boxes are gone and the button cannot ask twice.
    await expect.poll(() => page.getByLabel(`Ask for ${toAsk[0]!.sku}`).count()).toBe(0);
    expect(await page.getByTestId('replenishment-ask').isDisabled()).toBe(true);
    const made = (await suite.hqGet(`/stock/requisitions?storeId=${f.storeIds.S001}&status=asked`, RequisitionList)).items.find((r) => r.no === no![1]);
    expect(Object.fromEntries(made!.lines.map((l) => [l.productId, l.asked]))).toEqual(Object.fromEntries(toAsk.map((s) => [s.productId, s.quantity])));
    await saveShot(page, 'en-replenishment-asked');

    // A new rule: a product well below a high min is suggested at once.
    const product = f.catalog.slice(30).find((p) => !before.some((s) => s.productId === p.id))!;
    await page.getByTestId('replenishment-rule-new').click();
    await page.locator('#replenishment-product').fill(product.barcode);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: product.nameEn }).click();
    await page.locator('#replenishment-minQuantity').fill('300');
    await page.locator('#replenishment-maxQuantity').fill('200');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-form-item-explain-error', { hasText: 'Max must be at least min' }).waitFor();
    await page.locator('#replenishment-maxQuantity').fill('400');
    await page.locator('#replenishment-leadTimeDays').fill('2');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-replenishment-rule');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await expect.poll(() => rows(page, 'replenishment-rules').count()).toBe(before.length + 1);
    const added = rows(page, 'replenishment-suggestions').filter({ hasText: product.nameEn });
    expect(await added.getByTestId('replenishment-why').textContent()).toMatch(/; min 300, max 400, pack \d+ → ask \d+/);

    // The requisition is in the requisitions screen, waiting for the centre.
    await page.goto(`${suite.hq.url}/#/office/requisitions`);
    await rows(page, 'requisitions-table').filter({ hasText: no![1]! }).waitFor();

    // The east franchisee, in Chinese, sees their S004's suggestions explained.
    const zh = await suite.open({ email: 'east@demo.pos', locale: 'zh-CN', hash: '#/office/replenishment' });
    await rows(zh, 'replenishment-suggestions').first().waitFor();
    expect(await zh.getByRole('heading', { level: 1 }).textContent()).toBe('补货建议');
    const zhWhys = await zh.getByTestId('replenishment-why').allTextContents();
    expect(zhWhys.some((w) => /^现有 -?\d+，在途 \d+，已要货未发 \d+.*→ 要货 \d+ = \d+ 箱/.test(w))).toBe(true);
    expect(await zh.getByText('买一补一').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityFindings(zh)).toEqual([]);
    await saveShot(zh, 'zh-replenishment');
  }, 240_000);
});
