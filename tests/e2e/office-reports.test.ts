import type { RunningServer } from '@pos/hq-server/server';
import { defaultOfficePermissions, PushResponse, type OfficePermissions } from '@pos/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { startOfficeWorld, type OfficeWorld } from './office-world';

let world: OfficeWorld;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  world = await startOfficeWorld();
  ({ f, hq, browser } = world);
  const till = await pairTill(f, 'S001');
  const documents = Array.from({ length: 3 }, () => makeSale(f, till, '0012', { at: new Date(Date.now() - 86_400_000) }));
  const pushed = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents }, till.deviceToken))).json());
  expect(pushed.results.every((r) => r.status === 'accepted')).toBe(true);
  const hqToken = await signInOffice(f, 'hq@demo.pos');
  const reader = defaultOfficePermissions('cashier');
  const permissions: OfficePermissions = { ...reader, reports: { ...reader.reports, store_day: { print: true, export: true, perDay: 2 } } };
  const role = await (await f.app.request('/roles', json({ kind: 'office', code: 'two-outputs', nameZh: '报表两次', nameEn: 'Two outputs', permissions }, hqToken))).json() as { id: string };
  expect((await f.app.request('/users', json({ email: 'printer@demo.pos', name: '报表员', level: 'hq_admin', permissionRoleId: role.id, password: 'print1234' }, hqToken))).status).toBe(201);
});

afterEach(async () => {
  await page?.context().close();
});

afterAll(async () => {
  await world?.close();
});

describe('printing and exporting the store-day report', () => {
  it('prints a counted sheet, exports a counted CSV, then says clearly that the day’s outputs are used up', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    await page.addInitScript(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => void (counted.printed += 1);
    });
    await page.goto(`${hq.url}/#/office`);
    await page.fill('input[type=email]', 'printer@demo.pos');
    await page.fill('input[type=password]', 'print1234');
    await page.click('button[type=submit]');
    await page.waitForSelector('.office-kpis');
    await page.locator('.ant-table-row').first().waitFor();

    await page.getByTestId('report-print').click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.getByText('Prints and exports of this report left today: 1.').waitFor();
    expect(await page.locator('.office-print-sheet tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.office-print-sheet').textContent()).toContain('Printed by 报表员');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.office-print-sheet').isVisible()).toBe(true);
    expect(await page.locator('.office-menu').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.office-print-sheet').isVisible()).toBe(false);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^store-day_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8').split('\r\n')[0]).toBe('business_date,store_code,store_name,sales,tickets,items,average_basket');

    await page.getByTestId('report-print').click();
    const refused = page.getByTestId('report-output-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Today’s prints and exports of this report are used up (daily limit for your role: 2)');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('shows neither button to a role that may not print or export the report', async () => {
    const hqToken = await signInOffice(f, 'hq@demo.pos');
    const reader = defaultOfficePermissions('cashier');
    const role = await (await f.app.request('/roles', json({ kind: 'office', code: 'read-only-report', nameZh: '只看报表', nameEn: 'Report reader', permissions: reader }, hqToken))).json() as { id: string };
    expect((await f.app.request('/users', json({ email: 'looker@demo.pos', name: 'Looker', level: 'hq_admin', permissionRoleId: role.id, password: 'look1234' }, hqToken))).status).toBe(201);
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    page = await context.newPage();
    await page.goto(`${hq.url}/#/office`);
    await page.fill('input[type=email]', 'looker@demo.pos');
    await page.fill('input[type=password]', 'look1234');
    await page.click('button[type=submit]');
    await page.waitForSelector('.office-kpis');
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('report-print').count()).toBe(0);
    expect(await page.getByTestId('report-export').count()).toBe(0);
  });
});
