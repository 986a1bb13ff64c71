import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { ProductPage } from '@pos/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { bearer, createLiveFixture, signInOffice, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ database, f } = await createLiveFixture(50));
  hq = await startHq(f);
  browser = await launchBrowser();
});

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await hq?.close();
  await database?.close();
});

const file = (csv: string) => ({ name: 'new-products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

describe('import and export in the office', () => {
  it('checks a file, shows the report of its bad rows, then imports the fixed file and the product is found', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    page = await context.newPage();
    await page.goto(`${hq.url}/#/office`);
    await page.fill('input[type=email]', 'hq@demo.pos');
    await page.fill('input[type=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.office-menu');
    await page.goto(`${hq.url}/#/office/imports`);
    await page.getByLabel('File (CSV or Excel .xlsx)').setInputFiles(file('sku,name_zh,retail_price,barcodes\nE2E-1,测试汽水,abc,6911111111116\nE2E-2,测试茶,3.00,'));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('1 of 2 rows need fixing').waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').textContent()).toContain('“abc” is not right: an amount such as 12.90.');
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);

    await page.getByLabel('File (CSV or Excel .xlsx)').setInputFiles(file('sku,name_zh,retail_price,barcodes\nE2E-1,测试汽水,4.50,6911111111116\nE2E-2,测试茶,3.00,'));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('All 2 rows are good: 2 new, 0 to update.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 2 rows: 2 new, 0 updated.').waitFor();

    const res = await f.app.request('/catalog/products?q=6911111111116', bearer(await signInOffice(f, 'hq@demo.pos')));
    const found = ProductPage.parse(await res.json());
    expect(found.items.map((p) => [p.product.sku, p.product.nameZh, p.retailNowMinor])).toEqual([['E2E-1', '测试汽水', 450]]);
  });
});
