import { products } from '@pos/hq-server/catalog/catalog.tables';
import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { saleLines } from '@pos/hq-server/sales/sales.tables';
import { ean13CheckDigit } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import type { Fixture } from '../support/fixture';
import { openSellingTill, scanToLines, startTillHarness, syncNow, tillStoreSales, type TillHarness } from './till-page';

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let till: Page;
let office: Page;

const ean = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;
const [codeA, codeB] = [ean('692000000101'), ean('692000000102')];

beforeAll(async () => {
  harness = await startTillHarness();
  ({ f, hq, page: till } = harness);
  const context = await till.context().browser()!.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1366, height: 768 } });
  office = await context.newPage();
});

afterAll(() => harness?.close());

async function officeScreen(hash: string, ready: string) {
  await office.goto(`${hq.url}/${hash}`);
  await office.getByText(ready, { exact: true }).first().waitFor();
  // antd's loading spinner carries an ARIA attribute axe refuses while it spins; the screen is judged once loaded.
  await office.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  expect(await seriousAccessibilityFindings(office)).toEqual([]);
}

describe('catalog upkeep from the office to a paired till', () => {
  it('HQ makes a category, a brand and a product with two barcodes and a price; the paired till sells it by either barcode and by pinyin initials', async () => {
    await openSellingTill(till, f, hq.url);

    await office.goto(`${hq.url}/#/office`);
    await office.fill('input[type=email]', 'hq@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    await office.waitForSelector('.office-menu');

    await officeScreen('#/office/categories', 'Categories');
    await office.getByTestId('category-new').click();
    await office.getByRole('dialog').getByLabel('Code').fill('ICE');
    await office.getByRole('dialog').getByLabel('Chinese name').fill('冰品');
    await office.getByRole('dialog').getByLabel('English name').fill('Ice treats');
    await office.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await office.getByRole('cell', { name: 'ICE', exact: true }).waitFor();

    await officeScreen('#/office/brands', 'Brands');
    await office.getByRole('button', { name: 'New' }).click();
    await office.getByRole('dialog').getByLabel('Code').fill('B7777');
    await office.getByRole('dialog').getByLabel('Chinese name').fill('北冰洋');
    await office.getByRole('dialog').getByLabel('English name').fill('Arctic Ocean');
    await office.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await office.getByRole('searchbox', { name: 'Search' }).fill('B7777');
    await office.getByRole('cell', { name: 'B7777', exact: true }).waitFor();

    await officeScreen('#/office/products/new', 'New product');
    await office.getByTestId('product-sku').fill('ICE-001');
    await office.getByTestId('product-name-zh').fill('冰棍 绿豆');
    await office.getByTestId('product-name-en').fill('Mung bean ice lolly');
    await office.getByLabel('Category').fill('Ice treats');
    await office.locator('.ant-select-tree-title', { hasText: 'ICE Ice treats' }).click();
    await office.getByLabel('Brand').fill('B7777');
    await office.getByLabel('Brand').press('Enter');
    await office.getByTestId('product-price').fill('3.50');
    await office.getByTestId('product-barcode-0').fill(codeA);
    await office.getByTestId('product-barcode-add').click();
    await office.getByTestId('product-barcode-1').fill(codeB);
    await office.getByTestId('product-save').click();
    await office.getByText('Product ICE-001').waitFor();
    await office.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    const [made] = await f.deps.db.select().from(products).where(and(eq(products.chainId, f.chainId), eq(products.sku, 'ICE-001')));
    expect(made).toMatchObject({ pinyinInitials: 'bgld', status: 'new' });

    await officeScreen('#/office/products', 'Products');
    await office.getByRole('searchbox', { name: 'Search' }).fill('bgld');
    await office.getByRole('link', { name: 'ICE-001' }).waitFor();
    await officeScreen('#/office/product-attributes', 'Product attributes');

    // The till, paired before any of this, hears of the product at its next pull (every ~30 s, or now from the status bar) and finds it by pinyin initials.
    await syncNow(till);
    await expect.poll(async () => {
      // Letters typed in the scan field open the item search with them.
      await till.getByTestId('scan-input').fill('bgld');
      await till.getByTestId('scan-input').press('Enter');
      await till.getByTestId('product-search-dialog').waitFor();
      await expect.poll(() => till.getByTestId('product-search-input').inputValue()).toBe('bgld');
      const found = await till.getByTestId('product-search-row').count();
      if (!found) await till.keyboard.press('Escape');
      return found;
    }, { timeout: 60_000, interval: 2_000 }).toBe(1);
    await till.getByTestId('product-search-input').press('Enter');
    await expect.poll(() => till.getByTestId('basket-line').count()).toBe(1);
    await scanToLines(till, codeA, 1);
    await expect.poll(() => till.getByTestId('basket-line-quantity').first().textContent()).toContain('2');
    await scanToLines(till, codeB, 1);
    await expect.poll(() => till.getByTestId('basket-line-quantity').first().textContent()).toContain('3');
    await till.getByTestId('tender-exact').click();
    await till.getByTestId('complete-button').click();
    await expect.poll(() => till.getByTestId('basket-line').count()).toBe(0);
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(1);
    const [sale] = await tillStoreSales(f);
    expect(Number(sale!.totalMinor)).toBe(1050);
    const lines = await f.deps.db.select().from(saleLines).where(inArray(saleLines.saleId, [sale!.id]));
    expect(lines.map((l) => [l.productId, l.quantity])).toEqual([[made!.id, 3]]);
    expect(await f.deps.db.$count(pricingDiscrepancies, eq(pricingDiscrepancies.saleId, sale!.id))).toBe(0);
  });
});
