import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import type { Fixture } from '../support/fixture';
import { startOfficeWorld, type OfficeWorld } from './office-world';

let world: OfficeWorld;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  world = await startOfficeWorld();
  ({ f, hq, browser } = world);
});

afterEach(async () => {
  await page?.context().close();
});

afterAll(async () => {
  await world?.close();
});

async function signIn(email: string, hash: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
  await page.goto(`${hq.url}/${hash}`);
}

const yuan = (minor: number) => `¥${(minor / 100).toFixed(2)}`;

describe('store prices in the office', () => {
  it('lets a franchisee price their store inside the band, and shows the band when a price is refused', async () => {
    const item = f.catalog[30]!;
    const min = Math.ceil(item.priceMinor * 0.9);
    const max = Math.floor(item.priceMinor * 1.1);
    await signIn('east@demo.pos', '#/office/store-prices');
    await page.waitForSelector('.ant-table-row');
    await page.getByRole('searchbox').fill(item.nameEn);
    const row = page.locator('.ant-table-row', { hasText: item.nameEn });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${yuan(min)} – ${yuan(max)}`);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);

    await row.getByRole('button', { name: `Set price ${item.nameEn}` }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`Allowed: ${yuan(min)} – ${yuan(max)}`);
    await dialog.getByLabel('Store price').fill((max * 2 / 100).toFixed(2));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toBe(`Refused: the price must be between ${yuan(min)} and ${yuan(max)}.`);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);

    await dialog.getByLabel('Store price').fill((max / 100).toFixed(2));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row', { hasText: item.nameEn }).filter({ hasText: yuan(max) }).locator('strong', { hasText: yuan(max) }).waitFor();
  });

  it('shows the franchisee the audit trail of their stores, with a drawer of what changed', async () => {
    await signIn('east@demo.pos', '#/office/audit');
    const first = page.locator('.ant-table-row').first();
    await first.waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await first.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Changed fields').waitFor();
    expect(await drawer.textContent()).toContain('amount minor');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });
});
