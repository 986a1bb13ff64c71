import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { ClerkPage, defaultOfficePermissions, OfficeUserPage, PermissionRolePage, Region } from '@pos/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { chooseOption } from './antd-select';
import { bearer, json, signInOffice, type Fixture } from '../support/fixture';
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

async function signIn(email: string, password: string, hash: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
  await page.goto(`${hq.url}/${hash}`);
}

async function hqGet<T>(path: string, schema: { parse: (value: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, bearer(await signInOffice(f, 'hq@demo.pos')));
  return schema.parse(await res.json());
}

const formItem = (label: string) => page.locator('.ant-modal .ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });

const choose = (label: string, option: string) => chooseOption(page, formItem(label).locator('.ant-select'), option);

describe('people and roles in the back office', () => {
  it('HQ makes a till role whose cashiers need a manager for refunds and may not open the drawer, then a clerk holding it', async () => {
    await signIn('hq@demo.pos', DEMO_PASSWORD, '#/office/roles');
    await page.waitForSelector('.ant-table-row');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'New till role' }).click();
    await formItem('Code').locator('input').fill('strict-e2e');
    await formItem('Chinese name').locator('input').fill('严格收银员');
    await formItem('English name').locator('input').fill('Strict cashier');
    await formItem('Refund').getByText('Manager PIN', { exact: true }).click();
    await formItem('Open drawer \\(no sale\\)').getByText('Forbidden', { exact: true }).click();
    await formItem('Line discount up to').locator('input').fill('5');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ant-table-row', { hasText: 'strict-e2e' }).waitFor();
    const roles = await hqGet('/roles?kind=till&q=strict-e2e', PermissionRolePage);
    const role = roles.items[0]!;
    expect(role.kind === 'till' && role.permissions).toMatchObject({ keys: { refund: 'manager_pin', no_sale: 'forbidden' }, lineDiscountLimitBp: 500 });

    await page.goto(`${hq.url}/#/office/clerks`);
    await page.waitForSelector('.ant-table-row');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'New clerk' }).click();
    await formItem('Code').locator('input').fill('0199');
    await formItem('Name').locator('input').fill('测试收银');
    await choose('Store', 'S001');
    await formItem('Badge barcode').locator('input').fill('99000199');
    await formItem('Commission grade').locator('input').fill('b');
    await choose('Till role', 'Strict cashier');
    await formItem('First PIN').locator('input').fill('2468');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByPlaceholder('Search code, name or badge').fill('0199');
    await page.locator('.ant-table-row', { hasText: 'Strict cashier' }).waitFor();
    const clerks = await hqGet('/clerks?q=0199', ClerkPage);
    expect(clerks.items[0]).toMatchObject({ code: '0199', storeId: f.storeIds.S001, badgeCode: '99000199', commissionGrade: 'B', permissionRoleId: role.id });
  });

  it('a user with a view-only people role sees the lists but no way to change them, and no menu entry for what they may not open', async () => {
    const hqToken = await signInOffice(f, 'hq@demo.pos');
    const none = defaultOfficePermissions('cashier');
    const role = await (await f.app.request('/roles', json({ kind: 'office', code: 'people-view', nameZh: '人员查看', nameEn: 'People viewer', permissions: { ...none, modules: { ...none.modules, reports: 'none', people: 'view' } } }, hqToken))).json() as { id: string };
    const made = await f.app.request('/users', json({ email: 'viewer@demo.pos', name: 'Viewer', level: 'hq_admin', permissionRoleId: role.id, password: 'viewer123' }, hqToken));
    expect(made.status).toBe(201);
    await signIn('viewer@demo.pos', 'viewer123', '#/office/clerks');
    await page.waitForSelector('.ant-table-row');
    expect(await page.getByRole('button', { name: 'New clerk' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reset PIN' }).count()).toBe(0);
    const menu = await page.locator('.office-menu').textContent();
    expect(menu).toContain('Clerks');
    expect(menu).not.toContain('Prices');
    expect(menu).not.toContain('Roles and permissions');
    await page.goto(`${hq.url}/#/office/users`);
    await page.waitForSelector('.ant-table-row');
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('HQ gives a new region manager their region from the list of regions, not a typed id', async () => {
    await signIn('hq@demo.pos', DEMO_PASSWORD, '#/office/users');
    await page.waitForSelector('.ant-table-row');
    await page.getByRole('button', { name: 'New user' }).click();
    await formItem('E-mail').locator('input').fill('pd2@demo.pos');
    await formItem('Name').locator('input').fill('浦东副经理');
    await choose('Level', 'Region manager');
    await formItem('Region').locator('.ant-select').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('PD · Pudong')]));
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Pudong' }).first().click();
    await formItem('First password').locator('input').fill('start1234');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    const pudong = (await hqGet('/regions', { parse: (v: unknown) => Region.array().parse(v) })).find((r) => r.code === 'PD')!;
    const users = await hqGet('/users?q=pd2%40demo.pos', OfficeUserPage);
    expect(users.items[0]).toMatchObject({ email: 'pd2@demo.pos', level: 'region_manager', regionId: pudong.id });
  });

  it('follows a role HQ changes while the user’s office is open: on focus the menu loses what the role no longer allows', async () => {
    const hqToken = await signInOffice(f, 'hq@demo.pos');
    const none = defaultOfficePermissions('cashier');
    const body = { kind: 'office', code: 'people-then-reports', nameZh: '人员后报表', nameEn: 'People then reports', permissions: { ...none, modules: { ...none.modules, reports: 'none', people: 'view' } } };
    const role = await (await f.app.request('/roles', json(body, hqToken))).json() as { id: string };
    expect((await f.app.request('/users', json({ email: 'shifting@demo.pos', name: 'Shifting', level: 'hq_admin', permissionRoleId: role.id, password: 'shift1234' }, hqToken))).status).toBe(201);
    await signIn('shifting@demo.pos', 'shift1234', '#/office/clerks');
    await page.waitForSelector('.ant-table-row');
    expect(await page.locator('.office-menu').textContent()).toContain('Clerks');
    expect(await page.locator('.office-menu').textContent()).not.toContain('Store-day report');

    const changed = await f.app.request(`/roles/${role.id}`, { ...json({ ...body, permissions: { ...none, modules: { ...none.modules, reports: 'view', people: 'none' } } }, hqToken), method: 'PUT' });
    expect(changed.status).toBe(200);
    // The tab comes back into view, as when the user returns to it.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await page.waitForFunction(() => !document.querySelector('.office-menu')?.textContent?.includes('Clerks'));
    const menu = await page.locator('.office-menu').textContent();
    expect(menu).toContain('Store-day report');
    expect(menu).not.toContain('Office users');
    await page.waitForSelector('.office-kpis');
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('pos-office-session') ?? '{}') as { permissions?: { modules?: Record<string, string> } });
    expect(stored.permissions?.modules).toMatchObject({ people: 'none', reports: 'view' });
  });
});
