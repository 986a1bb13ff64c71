import type { RunningServer } from '@pos/hq-server/server';
import { PushResponse } from '@pos/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { createLiveFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';

const DAY_MS = 86_400_000;

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;

/** A day before now, so the sale's business day is inside the report's default range whatever the time zones. */
async function pushSales(storeCode: string, cashierCode: string, count: number) {
  const till = await pairTill(f, storeCode);
  const documents = Array.from({ length: count }, () => makeSale(f, till, cashierCode, { at: new Date(Date.now() - DAY_MS) }));
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(PushResponse.parse(await res.json()).results.every((r) => r.status === 'accepted')).toBe(true);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
}

/** The options an antd select offers, read by opening it; the select is found by its input's id. */
async function selectOptions(page: Page, inputId: string) {
  await page.locator(`.ant-select:has(#${inputId})`).click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await options.first().waitFor();
  const texts = await options.allTextContents();
  await page.keyboard.press('Escape');
  return texts;
}

/** Store codes in the report's "by store" table and in the store filter. */
async function storesShown(page: Page) {
  await page.waitForSelector('.office-kpis');
  const table = await page.locator('.office-table').first().locator('tbody .office-code').allTextContents();
  const options = await selectOptions(page, 'report-store');
  return { table, options: options.slice(1).map((o) => o.split(' ')[0]) };
}

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  await pushSales('S001', '0012', 3);
  await pushSales('S004', '0041', 2);
  await pushSales('S005', '0051', 2);
  await pushSales('S006', '0061', 2);
  hq = await startHq(f);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  await database?.close();
});

describe('back office', () => {
  it('shows a franchisee only their own stores in the store-day report', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'east@demo.pos');
    expect(await page.locator('.office-menu a').allTextContents()).toEqual(['Store prices', 'Pricing differences', 'Stores', 'Franchisees', 'Franchise statements', 'Till monitor', 'Tills', 'Office users', 'Clerks', 'Clerk commission', 'Targets and duty', 'Members', 'Member analysis', 'Stored-value receivables', 'Stock on hand', 'Requisitions', 'Replenishment', 'Shipments and receiving', 'Transfers between stores', 'Stock counts', 'Purchase orders', 'Goods receipts', 'Supplier returns', 'Store-day report', 'Sales analysis', 'Promotion return', 'Returns', 'Shifts and cash', 'Manager overrides', 'Import and export', 'Audit trail']);
    expect(await storesShown(page)).toEqual({ table: ['S004', 'S005'], options: ['S004', 'S005'] });
    await context.close();
  });

  it('shows HQ every store with sales, and the price, promotion and settings pages', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'hq@demo.pos');
    expect(await page.locator('.office-menu a').allTextContents()).toEqual([
      'Products', 'Categories', 'Brands', 'Suppliers', 'Prices', 'Store prices', 'Pricing differences', 'Promotions', 'Store assortments',
      'Stores', 'Regions', 'Franchisees', 'Franchise statements', 'Till monitor', 'Tills',
      'Office users', 'Clerks', 'Clerk commission', 'Targets and duty', 'Commission plans', 'Roles and permissions',
      'Members', 'Member analysis', 'Duplicate members', 'Top-up rules', 'Points rules', 'Balance adjustments', 'Member levels', 'Membership settings', 'Member messages', 'Stored-value receivables',
      'Stock on hand', 'Requisitions', 'Replenishment', 'Allocation', 'Shipments and receiving', 'Transfers between stores', 'Stock counts', 'Purchase orders', 'Goods receipts', 'Supplier returns',
      'Store-day report', 'Sales analysis', 'Promotion return', 'Returns', 'Shifts and cash', 'Manager overrides',
      'Cash in/out reasons', 'Till shortcuts', 'Rounding and scale labels', 'Product attributes', 'Import and export', 'Audit trail',
    ]);
    expect(await storesShown(page)).toEqual({ table: ['S001', 'S004', 'S005', 'S006'], options: ['S001', 'S004', 'S005', 'S006'] });
    await context.close();
  });

  it('offers every store in scope when pairing a till, a store without sales too', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'west@demo.pos');
    await page.goto(`${hq.url}/#/office/devices`);
    await page.locator('.ant-select:has(#storeId) .ant-select-content', { hasText: 'S006' }).waitFor();
    expect(await selectOptions(page, 'storeId')).toEqual(['S006 · Hongqiao', 'S007 · Zhongshan Park']);
    await context.close();
  });

  it('picks categories from the chain’s tree, and saves, reopens and deletes the promotion at its id', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'hq@demo.pos');
    await page.goto(`${hq.url}/#/office/promotions/new/category_discount`);
    await page.locator('.ant-select:has(#promo-args-categoryIds)').click();
    await page.locator('.ant-select-tree-treenode:not([aria-hidden])').first().waitFor();
    await page.locator('#promo-args-categoryIds').fill('soda');
    const matches = page.locator('.ant-select-tree-treenode:not([aria-hidden]) .ant-select-tree-title');
    await matches.filter({ hasText: 'DRK2 Soda' }).waitFor();
    // The tree keeps a match under the categories above it.
    expect(await matches.allTextContents()).toEqual(['DRK Drinks', 'DRK2 Soda']);
    await matches.filter({ hasText: 'DRK2 Soda' }).click();
    await page.keyboard.press('Escape');
    await page.fill('input[maxlength="120"]', 'Soda week');
    await page.click('text=Save as draft');
    await page.waitForSelector('text=Saved as a draft');
    await page.click('text=Save and activate');
    await page.waitForSelector('text=Saved and active');
    await page.goto(`${hq.url}/#/office/promotions`);
    await page.click('text=Soda week');
    // The chosen category is named by its path once the chain's category list has arrived; until then it shows the id.
    const chosen = page.locator('.ant-select:has(#promo-args-categoryIds) .ant-select-selection-item');
    await chosen.filter({ hasText: 'Drinks › Soda' }).waitFor();
    expect(await chosen.allTextContents()).toEqual(['Drinks › Soda']);
    await page.goto(`${hq.url}/#/office/promotions`);
    await page.locator('tr', { hasText: 'Soda week' }).locator('button', { hasText: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.locator('tr', { hasText: 'Soda week' }).waitFor({ state: 'detached' });
    await context.close();
  });

  it('cancels a scheduled price at its id', async () => {
    const product = f.catalog[0]!;
    const later = new Date(Date.now() + DAY_MS).toISOString();
    const res = await f.app.request('/pricing/prices', json({ productId: product.id, amountMinor: 4321, effectiveFrom: later }, await signInOffice(f, 'hq@demo.pos')));
    expect(res.status).toBe(201);
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'hq@demo.pos');
    await page.goto(`${hq.url}/#/office/prices`);
    await page.fill('input[type=search]', product.barcode);
    await page.click(`tr:has-text("${product.nameEn}")`);
    await page.click('text=Cancel change');
    await page.locator('text=Cancel change').waitFor({ state: 'detached' });
    await context.close();
  });

  it('revokes a till only after asking, and HQ turns its token away from then on', async () => {
    const till = await pairTill(f, 'S002', 1);
    const pull = () => f.app.request('/sync/pull?cursor=0&limit=1', { headers: { authorization: `Bearer ${till.deviceToken}` } });
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'hq@demo.pos');
    await page.goto(`${hq.url}/#/office/devices`);
    const row = page.locator('[data-testid=device-list] tr', { hasText: till.device.code });
    await row.locator('button', { hasText: 'Revoke' }).click();
    const confirmation = page.locator('[data-testid=revoke-confirmation]');
    await confirmation.waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await confirmation.locator('button', { hasText: 'Cancel' }).click();
    expect((await pull()).status).toBe(200);
    await row.locator('button', { hasText: 'Revoke' }).click();
    await confirmation.locator('button', { hasText: 'Yes, revoke' }).click();
    await page.locator(`[data-testid=device-list] tr[data-device-state=revoked]`, { hasText: till.device.code }).waitFor();
    expect((await pull()).status).toBe(401);
    await context.close();
  });

  it('keeps the till at / and the session only until sign-out, which ends it at HQ too', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'west@demo.pos');
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('pos-office-session') ?? '{}') as { token?: string }).token);
    const signedOut = page.waitForResponse((r) => r.url().endsWith('/auth/office/sign-out'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForSelector('input[type=email]');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('pos-office-session'))).toBeNull();
    expect((await signedOut).status()).toBe(204);
    expect((await f.app.request('/devices', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.goto(`${hq.url}/`);
    await page.waitForSelector('.card');
    expect(await page.locator('.office-menu').count()).toBe(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await context.close();
  });
});
