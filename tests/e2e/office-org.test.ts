import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { chooseOption } from './antd-select';
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
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
  await page.goto(`${hq.url}/${hash}`);
}

/** Picks an option of the antd select labelled `label`. */
const choose = (label: string, option: string) => chooseOption(
  page, page.locator('.ant-form-item', { has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) }).locator('.ant-select'), option,
  page.getByLabel(label, { exact: true }),
);

const dialog = () => page.getByRole('dialog');

describe('the organisation in the back office', () => {
  it('lets HQ add a supplier, open a store and give it to a franchisee, who then sees it', async () => {
    await signIn('hq@demo.pos', '#/office/suppliers');
    await page.waitForSelector('text=SUP01');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a supplier' }).click();
    await dialog().getByLabel('Code').fill('SUP50');
    await dialog().getByLabel('Name', { exact: true }).fill('浦江果蔬 Pujiang Produce');
    await choose('Settlement', 'On delivery');
    await dialog().getByLabel('Phone').fill('021 5555 0000');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await page.getByPlaceholder('Search code, name or contact').fill('SUP50');
    await page.waitForSelector('td:has-text("浦江果蔬 Pujiang Produce")');
    expect(await page.locator('tr:has-text("SUP50")').textContent()).toContain('On delivery');

    await page.goto(`${hq.url}/#/office/stores`);
    await page.waitForSelector('text=S007');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open a store' }).click();
    await dialog().getByLabel('Code').fill('S200');
    await dialog().getByLabel('Name (Chinese)').fill('新天地店');
    await dialog().getByLabel('Name (English)').fill('Xintiandi');
    await dialog().getByLabel('Address').fill('上海市黄浦区马当路 245 号');
    await dialog().getByLabel('Opened on').fill('2026-11-01');
    await dialog().getByRole('button', { name: 'Open a store' }).click();
    await page.waitForSelector('h1:has-text("S200 · Xintiandi")');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Change franchisee' }).click();
    await choose('Run by, from the date', 'F01');
    await dialog().getByLabel('Note').fill('转让 handed over');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('text=Run by 华东加盟商 East China Retail Co. instead of Direct (chain-run)');
    expect(await page.locator('.ant-descriptions').textContent()).toContain('华东加盟商 East China Retail Co.');

    await page.goto(`${hq.url}/#/office/regions`);
    await page.waitForSelector('text=Pudong');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.goto(`${hq.url}/#/office/franchisees`);
    await page.waitForSelector('text=S200 Xintiandi');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.context().close();

    await signIn('east@demo.pos', '#/office/stores');
    await page.waitForSelector('text=S200');
    const codes = await page.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(codes).toEqual(['S004', 'S005', 'S200']);
    await page.click('text=S200');
    await page.waitForSelector('text=Opened');
    expect(await page.getByRole('button', { name: 'Close the store' }).count()).toBe(0);
    await page.goto(`${hq.url}/#/office/franchisees`);
    await page.waitForSelector('h1:has-text("Your franchise")');
    // The heading shows before the list arrives: wait for its row, then count.
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });
});
