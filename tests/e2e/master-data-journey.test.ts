import { join } from 'node:path';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { Assortment, ean13CheckDigit, ProductDetail, SalesJournal } from '@pos/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { bearer, json, signInOffice, type Fixture } from '../support/fixture';
import { openSellingTill, scanCode, startTillHarness, syncNow, type TillHarness } from './till-page';

/** With this set, the journey saves a picture of each key step there. */
const SHOTS = process.env.JOURNEY_SCREENSHOTS_DIR;

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let till: Page;
let office: Page;

const ean = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;
const [firstCode, secondCode] = [ean('693100000017'), ean('693100000024')];
const listedBefore = (fixture: Fixture) => [fixture.catalog[0]!.id, fixture.catalog[1]!.id];

beforeAll(async () => {
  // S001 carries only a list of products, so a new product reaches its tills only once HQ lists it there.
  harness = await startTillHarness(async (fixture, token) => {
    const res = await fixture.app.request(`/assortments/${fixture.storeIds.S001}`, { ...json({ mode: 'listed', productIds: listedBefore(fixture) }, token), method: 'PUT' });
    expect(res.status).toBe(200);
  });
  ({ f, hq, page: till } = harness);
  const context = await till.context().browser()!.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1366, height: 768 } });
  office = await context.newPage();
});

afterAll(() => harness?.close());

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens an office screen, waits for it to load and checks it with axe. */
async function officeScreen(hash: string, ready: string) {
  await office.goto(`${hq.url}/${hash}`);
  await office.getByText(ready, { exact: true }).first().waitFor();
  await settled();
}

/** Waits for antd's spinners to stop (one spinning carries an ARIA attribute axe refuses) and checks the screen with axe. */
async function settled() {
  await office.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  expect(await seriousAccessibilityFindings(office)).toEqual([]);
}

const dialog = () => office.getByRole('dialog');
const row = (text: string) => office.locator('.ant-table-row', { hasText: text });

/** What HQ answers, asked through its API as HQ. */
async function hqGet<T>(path: string, schema: { parse: (value: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, bearer(await signInOffice(f, 'hq@demo.pos')));
  expect(res.status).toBe(200);
  return schema.parse(await res.json());
}

/** The basket's one line: its quantity, unit price and amount as the till shows them. */
async function basketLine() {
  const line = till.getByTestId('basket-line');
  await expect.poll(() => line.count()).toBe(1);
  return { text: await line.textContent(), quantity: await till.getByTestId('basket-line-quantity').textContent(), amount: await till.getByTestId('basket-line-amount').textContent() };
}

describe('master data from the office to a till paired before it existed', () => {
  it('HQ makes a category, brand, supplier and a product with two barcodes, lists it in a store at a store price, and the store’s till sells it three ways', async () => {
    await openSellingTill(till, f, hq.url);

    await office.goto(`${hq.url}/#/office`);
    await office.fill('input[type=email]', 'hq@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    await office.waitForSelector('.office-menu');

    // 类别: a new category under the root.
    await officeScreen('#/office/categories', 'Categories');
    await office.getByTestId('category-new').click();
    await dialog().getByLabel('Code').fill('FRZ');
    await dialog().getByLabel('Chinese name').fill('速冻食品');
    await dialog().getByLabel('English name').fill('Frozen foods');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await office.getByRole('cell', { name: 'FRZ', exact: true }).waitFor();
    expect(await row('FRZ').textContent()).toContain('Frozen foods');

    // 品牌
    await officeScreen('#/office/brands', 'Brands');
    await office.getByRole('button', { name: 'New' }).click();
    await dialog().getByLabel('Code').fill('B8801');
    await dialog().getByLabel('Chinese name').fill('三全');
    await dialog().getByLabel('English name').fill('Sanquan');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await office.getByRole('searchbox', { name: 'Search' }).fill('B8801');
    await office.getByRole('cell', { name: 'B8801', exact: true }).waitFor();
    expect(await row('B8801').textContent()).toContain('Sanquan');

    // 供应商
    await officeScreen('#/office/suppliers', 'Suppliers');
    await office.getByRole('button', { name: 'Add a supplier' }).click();
    await dialog().getByLabel('Code').fill('SUP60');
    await dialog().getByLabel('Name', { exact: true }).fill('郑州三全食品 Sanquan Foods');
    await dialog().getByLabel('Phone').fill('0371 6000 0000');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await office.getByPlaceholder('Search code, name or contact').fill('SUP60');
    await row('SUP60').filter({ hasText: '郑州三全食品 Sanquan Foods' }).waitFor();
    await settled();

    // 商品: in that category, of that brand, from that supplier, two barcodes and a chain retail price.
    await officeScreen('#/office/products/new', 'New product');
    await office.getByTestId('product-sku').fill('FRZ-001');
    await office.getByTestId('product-name-zh').fill('三全猪肉水饺');
    await office.getByTestId('product-name-en').fill('Sanquan pork dumplings');
    await office.getByLabel('Category').fill('Frozen');
    await office.locator('.ant-select-tree-title', { hasText: 'FRZ Frozen foods' }).click();
    await office.getByLabel('Brand').fill('B8801');
    await office.getByLabel('Brand').press('Enter');
    await office.getByLabel('Main supplier').fill('SUP60');
    await office.getByLabel('Main supplier').press('Enter');
    await office.getByTestId('product-price').fill('18.80');
    await office.getByTestId('product-barcode-0').fill(firstCode);
    await office.getByTestId('product-barcode-add').click();
    await office.getByTestId('product-barcode-1').fill(secondCode);
    await shot(office, '1-product-editor');
    await office.getByTestId('product-save').click();
    await office.getByText('Product FRZ-001').waitFor();
    await settled();
    const productId = /#\/office\/products\/edit\/([0-9a-f-]{36})/.exec(office.url())?.[1];
    expect(productId).toBeDefined();
    const made = await hqGet(`/products/${productId}`, ProductDetail);
    expect(made).toMatchObject({ sku: 'FRZ-001', nameZh: '三全猪肉水饺', pinyinInitials: 'sqzrsj', barcodes: [firstCode, secondCode] });
    expect(made.categoryId).not.toBeNull();
    expect(made.brandId).not.toBeNull();
    expect(made.supplierId).not.toBeNull();

    await officeScreen('#/office/products', 'Products');
    await office.getByRole('searchbox', { name: 'Search' }).fill('sqzr');
    await office.getByRole('link', { name: 'FRZ-001' }).waitFor();
    const listed = await row('FRZ-001').textContent();
    for (const shown of ['Sanquan pork dumplings', `${firstCode}, ${secondCode}`, 'Frozen foods', 'Sanquan']) expect(listed).toContain(shown);
    await shot(office, '2-product-list');

    // 门店经营范围: S001 carries only its list, so HQ adds the product to it.
    await officeScreen('#/office/assortments', 'Store assortments');
    await office.locator('.ant-select:has(#assortment-store) .ant-select-content', { hasText: 'S001' }).waitFor();
    await office.getByTestId('assortment-reach').filter({ hasText: 'Carries only the list (2)' }).waitFor();
    await office.fill('input[type=search]', firstCode);
    await office.locator('[data-testid=assortment-search] tr', { hasText: 'Sanquan pork dumplings' }).getByRole('button', { name: 'Add' }).click();
    await office.getByRole('button', { name: 'Save', exact: true }).click();
    await office.waitForSelector('text=Saved. The store’s tills pick up the change at their next sync.');
    expect(await office.getByTestId('assortment-reach').textContent()).toBe('Carries only the list (3)');
    await settled();
    await shot(office, '3-assortment');
    expect(await hqGet(`/assortments/${f.storeIds.S001}`, Assortment)).toEqual({ storeId: f.storeIds.S001, mode: 'listed', productIds: expect.arrayContaining([...listedBefore(f), productId]) });

    // 门店自主定价: S001 sells it at ¥17.50 instead of the chain's ¥18.80.
    await officeScreen('#/office/store-prices', 'Store prices');
    await office.getByLabel('Store', { exact: true }).click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'S001' }).first().click();
    await office.getByRole('searchbox').fill('FRZ-001');
    await row('Sanquan pork dumplings').filter({ hasText: '¥18.80' }).waitFor();
    await row('Sanquan pork dumplings').getByRole('button', { name: 'Set price Sanquan pork dumplings' }).click();
    await dialog().getByLabel('Store price').fill('17.50');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await row('Sanquan pork dumplings').locator('strong', { hasText: '¥17.50' }).waitFor();
    await settled();
    await shot(office, '4-store-price');

    // The till, paired before any of this, takes it all in at its first pull that starts after
    // the last change (it pulls every ~30 s, or now from the status bar); the item search shows when that pull is applied.
    await syncNow(till);
    await expect.poll(async () => {
      await scanCode(till, 'sqzrsj');
      await till.getByTestId('product-search-dialog').waitFor();
      await expect.poll(() => till.getByTestId('product-search-input').inputValue()).toBe('sqzrsj');
      const rows = await till.getByTestId('product-search-row').count();
      await till.keyboard.press('Escape');
      return rows;
    }, { timeout: 60_000, interval: 2_000 }).toBe(1);
    await till.getByTestId('product-search-dialog').waitFor({ state: 'hidden' });

    await scanCode(till, firstCode);
    const byFirst = await basketLine();
    for (const shown of ['三全猪肉水饺', 'Sanquan pork dumplings', firstCode, '17.50']) expect(byFirst.text).toContain(shown);
    expect(byFirst.quantity?.trim()).toBe('1');
    expect(byFirst.amount).toContain('17.50');

    await scanCode(till, secondCode);
    await expect.poll(async () => (await basketLine()).quantity?.trim()).toBe('2');
    expect((await basketLine()).amount).toContain('35.00');

    // Letters typed in the scan field open the item search: the pinyin initials of 三全猪肉水饺.
    await scanCode(till, 'sqzrsj');
    await till.getByTestId('product-search-dialog').waitFor();
    await expect.poll(() => till.getByTestId('product-search-row').count()).toBe(1);
    const found = await till.getByTestId('product-search-row').textContent();
    for (const shown of ['FRZ-001', firstCode]) expect(found).toContain(shown);
    expect(found).toMatch(/三全猪肉水饺|Sanquan pork dumplings/);
    await shot(till, '5-till-search');
    await till.getByTestId('product-search-input').press('Enter');
    await expect.poll(async () => (await basketLine()).quantity?.trim()).toBe('3');
    expect((await basketLine()).amount).toContain('52.50');
    await shot(till, '6-till-basket');

    await till.getByTestId('tender-exact').click();
    await till.getByTestId('complete-button').click();
    await expect.poll(() => till.getByTestId('basket-line').count()).toBe(0);

    // The sale reaches HQ with the product's line at the store price, and HQ's re-pricing agrees.
    const journal = () => hqGet(`/sales/journal?storeId=${f.storeIds.S001}`, SalesJournal);
    await expect.poll(async () => (await journal()).total, { timeout: 60_000 }).toBe(1);
    const [sale] = (await journal()).items;
    expect(sale).toMatchObject({ storeCode: 'S001', totalMinor: 5250, discrepancies: 0 });
    expect(sale!.lines).toEqual([
      expect.objectContaining({ lineNo: 1, productId, barcode: firstCode, nameZh: '三全猪肉水饺', nameEn: 'Sanquan pork dumplings', quantity: 3, unitPriceMinor: 1750, netMinor: 5250 }),
    ]);
  }, 480_000);
});
