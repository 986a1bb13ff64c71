import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { products } from '@pos/hq-server/catalog/catalog.tables';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { shiftCloses } from '@pos/hq-server/shifts/shifts.tables';
import { ean13CheckDigit, PairingCode, ProductRecord, TILL_REPORT_HEADER, TillReport } from '@pos/shared';
import { and, eq, gt } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, json, signInOffice, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { newTillPage, openShiftClose, pairAndOpenShift, syncNow } from './till-page';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let token: string;
/** Three tills of S001: T001 stays online, T002 goes offline with 50 sales, the third sells a product HQ then deletes. */
const tills: Record<'online' | 'offline' | 'rejecting', { page: Page; code: string }> = {} as never;
let office: Page;

/** Set to a folder to save the screens this test passes through (till monitor in English and Chinese, the till's warnings). */
const shotsDir = process.env.TILL_MONITOR_SHOTS_DIR;

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  browser = await launchBrowser();
  token = await signInOffice(f, 'hq@demo.pos');
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  await database?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

async function hqCall(method: string, path: string, body?: unknown): Promise<Response> {
  return f.app.request(path, body === undefined ? { method, headers: { authorization: `Bearer ${token}` } } : { ...json(body, token), method });
}

/** A product made at HQ with a barcode and a chain price, so any till can sell it and it has no history yet. */
async function newProduct(sku: string, barcode12: string): Promise<{ id: string; barcode: string }> {
  const barcode = `${barcode12}${ean13CheckDigit(barcode12)}`;
  const made = await hqCall('POST', '/products', { sku, nameZh: '临时商品', nameEn: `Short-lived ${sku}`, unit: 'piece', barcodes: [barcode] });
  expect(made.status).toBe(201);
  const { id } = ProductRecord.parse(await made.json());
  expect((await hqCall('POST', '/pricing/prices', { productId: id, amountMinor: 350 })).status).toBe(201);
  return { id, barcode };
}

/** A pairing code for a new till of S001 made from the office, as a manager adds a third till. */
async function newTillCode(): Promise<{ code: string; deviceCode: string }> {
  const res = await hqCall('POST', '/devices/pairing-codes', { storeId: f.storeIds.S001, name: 'Till 3' });
  expect(res.status).toBe(201);
  const { code, deviceId } = PairingCode.parse(await res.json());
  const [device] = await f.deps.db.select({ code: tillDevices.code }).from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.id, deviceId)));
  return { code, deviceCode: device!.code };
}

async function rearmedCode(index: number): Promise<{ code: string; deviceCode: string }> {
  const devices = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds.S001!))).orderBy(tillDevices.code);
  const res = await hqCall('POST', `/devices/${devices[index]!.id}/pairing-code`);
  expect(res.status).toBe(201);
  return { code: PairingCode.parse(await res.json()).code, deviceCode: devices[index]!.code };
}

async function openTill(pairing: { code: string; deviceCode: string }): Promise<{ page: Page; code: string }> {
  const page = await newTillPage(browser);
  await page.addInitScript(() => localStorage.setItem('pos-till-locale', 'en'));
  await pairAndOpenShift(page, hq.url, pairing.code);
  return { page, code: pairing.deviceCode };
}

async function sell(page: Page, barcode: string): Promise<void> {
  await page.getByTestId('scan-input').fill(barcode);
  await page.getByTestId('scan-input').press('Enter');
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1);
  await page.getByTestId('tender-exact').click();
  await page.getByTestId('complete-button').click();
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
}

const outbox = (page: Page, which: 'unsent' | 'rejected') => page.getByTestId('outbox-count').getAttribute(`data-${which}`).then(Number);
const row = (deviceCode: string) => office.locator(`[data-testid=till-monitor-store] tr[data-device="${deviceCode}"]`);

async function openMonitor(locale: 'en' | 'zh-CN', user: string): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
  const page = await context.newPage();
  await page.goto(`${hq.url}/#/office/till-monitor`);
  await page.fill('input[type=email]', user);
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('[data-testid=till-monitor-store] .ant-table-row').first().waitFor({ timeout: 30_000 });
  return page;
}

describe('HQ’s sight of every till', () => {
  it('shows three tills as they are: one online, one offline with 50 sales waiting, one with a rejected sale; the offline one reconnects and clears', async () => {
    expect((await hqCall('PUT', '/settings/till-sync', { silentAfterMinutes: 30, minAppVersion: null })).status).toBe(200);
    // A product new at HQ, never sold nor stocked, reaches the tills as they start.
    const doomed = await newProduct('DOOMED-1', '693000000099');
    tills.online = await openTill(await rearmedCode(0));
    tills.offline = await openTill(await rearmedCode(1));
    tills.rejecting = await openTill(await newTillCode());

    // The third till sells it offline, then HQ deletes it: the till's push is rejected for a real reason.
    await tills.rejecting.page.context().setOffline(true);
    await sell(tills.rejecting.page, doomed.barcode);
    expect((await hqCall('POST', `/products/${doomed.id}/deactivate`)).status).toBe(200);
    expect((await hqCall('DELETE', `/products/${doomed.id}`)).status).toBe(204);
    expect(await f.deps.db.select().from(products).where(eq(products.id, doomed.id))).toHaveLength(0);
    await tills.rejecting.page.context().setOffline(false);
    await syncNow(tills.rejecting.page);
    await expect.poll(() => outbox(tills.rejecting.page, 'rejected'), { timeout: 30_000 }).toBe(1);

    // The second till loses its network and sells fifty times; closing its shift warns and records it.
    const offline = tills.offline.page;
    await syncNow(offline);
    await expect.poll(() => outbox(offline, 'unsent'), { timeout: 30_000 }).toBe(0);
    await offline.context().setOffline(true);
    const firstSaleAt = new Date().toISOString();
    for (let i = 0; i < 50; i++) await sell(offline, f.catalog[20 + (i % 20)]!.barcode);
    await expect.poll(() => outbox(offline, 'unsent')).toBe(50);
    await openShiftClose(offline);
    await expect(offline.getByTestId('close-waiting').getAttribute('data-count')).resolves.toBe('50');
    expect(await offline.getByTestId('close-waiting').textContent()).toContain('50 document(s) have not reached HQ yet');
    await shoot(offline, 'till-close-waiting-en');
    await offline.getByTestId('count-total').fill('0');
    await offline.getByTestId('close-submit').click();
    await offline.getByTestId('shift-next').click();
    await expect.poll(() => outbox(offline, 'unsent')).toBe(51);

    // Half an hour later at HQ: the two tills still online sync again, the offline one cannot.
    f.clock.advance(31 * 60_000);
    token = await signInOffice(f, 'hq@demo.pos');
    await syncNow(tills.online.page);
    await syncNow(tills.rejecting.page);

    office = await openMonitor('en', 'hq@demo.pos');
    const alert = office.getByTestId('silent-tills');
    await expect.poll(() => alert.locator(`li[data-device="${tills.offline.code}"]`).count()).toBe(1);
    expect(await alert.locator('li').count()).toBeGreaterThanOrEqual(1);
    expect(await alert.locator(`li[data-device="${tills.online.code}"], li[data-device="${tills.rejecting.code}"]`).count()).toBe(0);
    expect(await row(tills.offline.code).getAttribute('data-silent')).toBe('true');
    expect(await row(tills.online.code).getAttribute('data-silent')).toBe('false');
    expect(await row(tills.online.code).getAttribute('data-rejected')).toBe('0');
    expect(await row(tills.online.code).textContent()).toContain('Up to date');
    expect(await row(tills.online.code).textContent()).toContain('1.0.0');
    expect(await row(tills.rejecting.code).getAttribute('data-rejected')).toBe('1');
    const rejection = office.locator(`[data-testid=till-rejections][data-device="${tills.rejecting.code}"]`);
    expect(await rejection.textContent()).toContain('the document refers to rows HQ does not know');
    expect(await rejection.textContent()).toContain('Sale');
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await shoot(office, 'till-monitor-en');

    // The manager accepts a correction: HQ settles it, and the till drops it from its rejected list.
    await rejection.getByTestId('rejection-accept').click();
    await office.getByTestId('accept-note').fill('Product withdrawn; sale booked by hand');
    await office.locator('.ant-modal .ant-btn-primary').click();
    await expect.poll(() => row(tills.rejecting.code).getAttribute('data-rejected'), { timeout: 30_000 }).toBe('0');
    await syncNow(tills.rejecting.page);
    await syncNow(tills.rejecting.page);
    await expect.poll(() => outbox(tills.rejecting.page, 'rejected'), { timeout: 30_000 }).toBe(0);

    // The offline till reconnects: its first push reports the 51 documents it held, then they go and its row clears.
    const reported = offline.waitForRequest((req) => req.url().includes('/sync/push'), { timeout: 60_000 });
    await offline.context().setOffline(false);
    await offline.getByTestId('last-sync').click();
    const report = TillReport.parse(JSON.parse((await reported).headers()[TILL_REPORT_HEADER]!));
    expect(report).toMatchObject({ waitingCount: 51, appVersion: '1.0.0' });
    expect(report.oldestWaitingAt! >= firstSaleAt.slice(0, 16)).toBe(true);
    await expect.poll(() => outbox(offline, 'unsent'), { timeout: 60_000 }).toBe(0);
    await syncNow(offline);
    const held = await f.deps.db.select().from(sales).where(eq(sales.storeId, f.storeIds.S001!));
    expect(held.length).toBe(50);
    const [device] = await f.deps.db.select({ id: tillDevices.id }).from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.code, tills.offline.code)));
    const [close] = await f.deps.db.select().from(shiftCloses).where(and(eq(shiftCloses.chainId, f.chainId), eq(shiftCloses.deviceId, device!.id), gt(shiftCloses.closedAt, new Date(firstSaleAt))));
    expect(close!.documentsWaiting).toBe(50);
    await office.reload();
    await row(tills.offline.code).waitFor();
    await expect.poll(() => row(tills.offline.code).getAttribute('data-silent'), { timeout: 30_000 }).toBe('false');
    expect(await row(tills.offline.code).locator('[data-waiting]').getAttribute('data-waiting')).toBe('0');
    expect(await alert.locator(`li[data-device="${tills.offline.code}"]`).count()).toBe(0);
  }, 600_000);

  it('shows the same screen in Chinese, and a franchisee only their own stores', async () => {
    const zh = await openMonitor('zh-CN', 'hq@demo.pos');
    expect(await zh.getByRole('heading', { level: 1 }).textContent()).toBe('设备监控');
    expect(await seriousAccessibilityFindings(zh)).toEqual([]);
    await shoot(zh, 'till-monitor-zh');
    const east = await openMonitor('en', 'east@demo.pos');
    const shown = await east.locator('[data-testid=till-monitor-store]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-store')));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((code) => code === 'S004' || code === 'S005')).toBe(true);
    expect(await east.getByTestId('till-sync-settings').count()).toBe(0);
    expect(await seriousAccessibilityFindings(east)).toEqual([]);
    await shoot(east, 'till-monitor-east-en');
  }, 120_000);

  it('tells the cashier plainly when HQ no longer accepts the till’s version, and keeps its sales', async () => {
    expect((await hqCall('PUT', '/settings/till-sync', { silentAfterMinutes: 30, minAppVersion: '9.0.0' })).status).toBe(200);
    const page = tills.online.page;
    await sell(page, f.catalog[3]!.barcode);
    const refused = page.waitForResponse((res) => res.url().includes('/sync/push'), { timeout: 30_000 });
    await page.getByTestId('last-sync').click();
    expect((await refused).status()).toBe(426);
    await page.getByTestId('version-refused').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('version-refused').textContent()).toBe('HQ no longer accepts this version; it will update. Sales stay safe on this till.');
    expect(await outbox(page, 'unsent')).toBe(1);
    await shoot(page, 'till-version-refused-en');
    await page.getByTestId('language-switch').click();
    expect(await page.getByTestId('version-refused').textContent()).toContain('总部已不再接受此版本');
    await shoot(page, 'till-version-refused-zh');
    await openShiftClose(page);
    expect(await page.getByTestId('close-waiting').textContent()).toContain('还有 1 张单据未上传总部');
    await shoot(page, 'till-close-waiting-zh');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="close-dialog"][open]').waitFor({ state: 'detached' });

    expect((await hqCall('PUT', '/settings/till-sync', { silentAfterMinutes: 30, minAppVersion: '1.0.0' })).status).toBe(200);
    await page.getByTestId('last-sync').click();
    await expect.poll(() => outbox(page, 'unsent'), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('version-refused').waitFor({ state: 'detached', timeout: 30_000 });
  }, 180_000);
});
