import type { RunningServer } from '@pos/hq-server/server';
import { PushResponse } from '@pos/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { json, makeSale, pairTill, seedFixture, testClock, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

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
  await page.waitForSelector('.office-nav');
}

/** Store codes in the report's "by store" table and in the store filter. */
async function storesShown(page: Page) {
  await page.waitForSelector('.office-kpis');
  const table = await page.locator('.office-table').first().locator('tbody .office-code').allTextContents();
  const options = await page.locator('.office-filters select option').allTextContents();
  return { table, options: options.slice(1).map((o) => o.split(' ')[0]) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedFixture(database, testClock(new Date().toISOString()));
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
    expect(await page.locator('.office-nav a').allTextContents()).toEqual(['Store-day report', 'Tills']);
    expect(await storesShown(page)).toEqual({ table: ['S004', 'S005'], options: ['S004', 'S005'] });
    await context.close();
  });

  it('shows HQ every store with sales, and the price and promotion pages', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'hq@demo.pos');
    expect(await page.locator('.office-nav a').allTextContents()).toEqual(['Store-day report', 'Prices', 'Promotions', 'Tills']);
    expect(await storesShown(page)).toEqual({ table: ['S001', 'S004', 'S005', 'S006'], options: ['S001', 'S004', 'S005', 'S006'] });
    await context.close();
  });

  it('keeps the till at / and the session only until sign-out', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'west@demo.pos');
    await page.click('.office-user-actions button:last-child');
    await page.waitForSelector('input[type=email]');
    expect(await page.evaluate(() => sessionStorage.getItem('pos-office-session'))).toBeNull();
    await page.goto(`${hq.url}/`);
    await page.waitForSelector('.card');
    expect(await page.locator('.office-nav').count()).toBe(0);
    await context.close();
  });
});
