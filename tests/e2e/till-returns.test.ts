import { returnApprovals, returnLines, returns } from '@pos/hq-server/returns/returns.tables';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { RunningServer } from '@pos/hq-server/server';
import { saleLines } from '@pos/hq-server/sales/sales.tables';
import { stockLevels } from '@pos/hq-server/stock/stock.tables';
import { formatMinor, minor, type Minor, type PairedDevice, type Sale } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { chooseOption } from './antd-select';
import { json, makeSale, pairTill, type Fixture } from '../support/fixture';
import { createPromotion, ruleOf } from '../support/pricing-setup';
import { openShiftIfAsked, scanToLines, startTillHarness, syncNow, tillStoreSales, type TillHarness } from './till-page';
import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { clerks, tillDevices } from '@pos/hq-server/org/org.tables';

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the return screen, the exchange and the office's returns screen. */
const SHOTS = process.env.E2E_SCREENSHOTS;
const sizes = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }, { width: 800, height: 600 }] as const;
const CLERK = { code: '0199', pin: '2468' };

/** Whether the till's own database holds the till role its clerk record names. */
function tillHoldsRoleOf(page: Page, clerkCode: string): Promise<boolean> {
  return page.evaluate(async (code) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('pos-till');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const all = <T>(store: string) => new Promise<T[]>((resolve) => {
      const reading = db.transaction(store).objectStore(store).getAll();
      reading.onsuccess = () => resolve(reading.result as T[]);
    });
    const clerk = (await all<{ code: string; permissionRoleId: string | null }>('clerks')).find((c) => c.code === code);
    const roles = await all<{ id: string; active: boolean }>('tillRoles');
    db.close();
    return clerk?.permissionRoleId != null && roles.some((r) => r.id === clerk.permissionRoleId && r.active);
  }, clerkCode);
}

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;
let office: Page;
let officeContext: BrowserContext;

beforeAll(async () => {
  harness = await startTillHarness(async (fixture, token) => {
    await createPromotion(fixture, token, ruleOf('item_discount', '矿泉水八折 Water 20% off', { productIds: [fixture.catalog[0]!.id], offer: { type: 'percent_off', percentBp: 2000 }, unitLimit: null }));
  });
  ({ f, hq, page } = harness);
  const browser: Browser = page.context().browser()!;
  officeContext = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: sizes[0] });
  office = await officeContext.newPage();
});

afterAll(async () => {
  await officeContext?.close();
  await harness?.close();
});

const formItem = (label: string) => office.locator('.ant-modal .ant-form-item').filter({ has: office.locator('label', { hasText: new RegExp(`^${label}$`) }) });
const money = (amount: number) => formatMinor(minor(amount));
const unsent = () => page.getByTestId('outbox-count').getAttribute('data-unsent').then(Number);
const hqReturns = () => f.deps.db.select().from(returns).where(eq(returns.chainId, f.chainId));
const stockOf = async (productId: string) =>
  (await f.deps.db.select().from(stockLevels).where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, f.storeIds.S001!), eq(stockLevels.productId, productId))))[0]?.quantity ?? 0;

async function shoot(target: Page, name: string, ready: () => Promise<unknown>, locales: readonly ('en' | 'zh-CN')[] = ['en', 'zh-CN']): Promise<void> {
  if (!SHOTS) return;
  for (const locale of locales) {
    await target.evaluate((value) => localStorage.setItem('pos-till-locale', value), locale);
    await ready();
    for (const size of sizes) {
      await target.setViewportSize(size);
      await target.waitForTimeout(250);
      await target.screenshot({ path: `${SHOTS}/${name}-${locale}-${size.width}.png` });
    }
  }
  await target.setViewportSize(sizes[0]);
}

/** The till's screens as they are, in the language the till shows now (switching it reloads, which would close the return screen). */
async function shootTill(name: string, locale: 'en' | 'zh-CN'): Promise<void> {
  if (!SHOTS) return;
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${SHOTS}/${name}-${locale}-${size.width}.png` });
  }
  await page.setViewportSize(sizes[0]);
}

/** Presses F1 and, as the clerk's role asks, has the store manager approve with code and PIN; the return screen opens. */
async function openReturnsWithManager(asks = 'Manager approval: Refund'): Promise<void> {
  await page.keyboard.press('F1');
  await page.getByTestId('approval-dialog').waitFor();
  expect(await page.getByTestId('approval-dialog').textContent()).toContain(asks);
  await page.getByTestId('approval-code').fill('0011');
  await page.getByTestId('approval-pin').fill('1234');
  await page.getByTestId('approval-submit').click();
  await page.getByTestId('return-screen').waitFor();
}

async function findReceipt(receiptNo: string): Promise<void> {
  await page.getByTestId('return-receipt-input').fill(receiptNo);
  await page.getByTestId('return-lookup').click();
  await page.getByTestId('return-sale-lines').waitFor({ timeout: 15_000 });
}

describe('returns and exchanges at the till', () => {
  it('HQ makes a till role whose cashiers need a manager for refunds and may not open the drawer, and a clerk holding it', async () => {
    await office.goto(`${hq.url}/#/office`);
    await office.fill('input[type=email]', 'hq@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    await office.waitForSelector('.office-menu');
    await office.goto(`${hq.url}/#/office/roles`);
    await office.waitForSelector('.ant-table-row');
    await office.getByRole('button', { name: 'New till role' }).click();
    await formItem('Code').locator('input').fill('return-e2e');
    await formItem('Chinese name').locator('input').fill('退货需授权收银员');
    await formItem('English name').locator('input').fill('Supervised cashier');
    await formItem('Refund').getByText('Manager PIN', { exact: true }).click();
    await formItem('Open drawer \\(no sale\\)').getByText('Forbidden', { exact: true }).click();
    await office.getByRole('button', { name: 'Save' }).click();
    await office.locator('.ant-table-row', { hasText: 'return-e2e' }).waitFor();
    await office.goto(`${hq.url}/#/office/clerks`);
    await office.waitForSelector('.ant-table-row');
    await office.getByRole('button', { name: 'New clerk' }).click();
    await formItem('Code').locator('input').fill(CLERK.code);
    await formItem('Name').locator('input').fill('退货测试 Returns tester');
    await chooseOption(office, formItem('Store').locator('.ant-select'), 'S001');
    await chooseOption(office, formItem('Till role').locator('.ant-select'), 'Supervised cashier');
    await formItem('First PIN').locator('input').fill(CLERK.pin);
    await office.getByRole('button', { name: 'Save' }).click();
    await office.locator('.ant-modal').waitFor({ state: 'hidden' });
  });

  it('signs that clerk in at the till, where the drawer without a sale is refused', async () => {
    const [device] = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds.S001!))).orderBy(tillDevices.code);
    const code = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    await rearmPairingCode(f.deps, f.chainId, device!.id, code, 30);
    await page.goto(hq.url);
    await page.getByTestId('pairing-code-input').fill(code);
    await page.getByTestId('pair-button').click();
    await page.getByTestId('clerk-code-input').waitFor({ timeout: 60_000 });
    await page.getByTestId('clerk-code-input').fill(CLERK.code);
    await page.getByTestId('pin-input').fill(CLERK.pin);
    await page.getByTestId('sign-in-button').click();
    await openShiftIfAsked(page);
    // The role was made moments ago: the till learns it, and the clerk's place in it, by pull; the manager syncs now rather than wait 30 s.
    await syncNow(page);
    await expect.poll(() => tillHoldsRoleOf(page, CLERK.code), { timeout: 45_000 }).toBe(true);
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByTestId('sell-error').textContent()).toContain('may not use “Open drawer (no sale)”');
  });

  let sale: Sale['receiptNo'];
  let promotedNet: number;

  it('sells three promoted waters and another item, which reach HQ', async () => {
    await scanToLines(page, f.catalog[0]!.barcode, 1);
    await page.getByTestId('qty-up').click();
    await page.getByTestId('qty-up').click();
    await scanToLines(page, f.catalog[1]!.barcode, 2);
    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(1);
    const [row] = await tillStoreSales(f);
    sale = row!.receiptNo;
    const lines = await f.deps.db.select().from(saleLines).where(and(eq(saleLines.chainId, f.chainId), eq(saleLines.saleId, row!.id)));
    const promoted = lines.find((l) => l.productId === f.catalog[0]!.id)!;
    expect(promoted).toMatchObject({ quantity: 3 });
    expect(promoted.discountMinor).toBeGreaterThan(0);
    promotedNet = promoted.netMinor;
  });

  it('returns one of the three promoted units after a manager approves, refunding what that unit was paid, in cash', async () => {
    const stockBefore = await stockOf(f.catalog[0]!.id);
    await openReturnsWithManager();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await findReceipt(sale);
    expect(await page.getByTestId('return-origin').textContent()).toContain('this till');
    await page.getByTestId('return-qty').first().fill('1');
    const refund = Math.floor(promotedNet / 3);
    await expect.poll(() => page.getByTestId('return-refund-cash').textContent()).toContain(money(refund));
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shootTill('return-screen', 'en');
    await page.getByTestId('return-confirm').click();
    await page.getByTestId('return-done').waitFor();
    expect(await page.getByTestId('return-done-refund').textContent()).toContain(money(refund));
    await page.getByTestId('return-close').click();
    await expect.poll(async () => (await hqReturns()).length, { timeout: 60_000 }).toBe(1);
    const [doc] = await hqReturns();
    const [clerk] = await f.deps.db.select().from(clerks).where(and(eq(clerks.chainId, f.chainId), eq(clerks.code, CLERK.code)));
    expect(doc).toMatchObject({ refundedMinor: refund, backMinor: refund, clawbackMinor: 0, cashierId: clerk!.id });
    const approvals = await f.deps.db.select().from(returnApprovals).where(eq(returnApprovals.returnId, doc!.id));
    expect(approvals).toEqual([expect.objectContaining({ key: 'refund', approvedBy: f.clerkIds['0011'] })]);
    expect(await stockOf(f.catalog[0]!.id)).toBe(stockBefore + 1);
  });

  it('exchanges the other item for a different one in one document, showing what is left of the line returned before', async () => {
    await openReturnsWithManager();
    await findReceipt(sale);
    expect(await page.getByTestId('return-left').first().textContent()).toBe('2');
    await page.getByTestId('return-qty').nth(1).fill('1');
    await page.getByTestId('return-scan-input').fill(f.catalog[2]!.barcode);
    await page.getByTestId('return-scan-input').press('Enter');
    await page.getByTestId('return-out-list').waitFor();
    const back = f.catalog[1]!.priceMinor;
    const out = f.catalog[2]!.priceMinor;
    await expect.poll(() => page.getByTestId('return-back-total').textContent()).toContain(money(back));
    if (out > back) await expect.poll(() => page.getByTestId('return-to-pay').textContent()).toContain(money(out - back));
    else await expect.poll(() => page.getByTestId('return-refund-cash').textContent()).toContain(money(back - out));
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shootTill('return-exchange', 'en');
    await page.getByTestId('return-confirm').click();
    await page.getByTestId('return-done').waitFor();
    await page.getByTestId('return-close').click();
    await expect.poll(async () => (await hqReturns()).length, { timeout: 60_000 }).toBe(2);
    const exchange = (await hqReturns()).find((r) => r.outMinor > 0)!;
    expect(exchange).toMatchObject({ backMinor: back, outMinor: out, creditMinor: Math.min(back, out) });
    const lines = await f.deps.db.select().from(returnLines).where(eq(returnLines.returnId, exchange.id));
    expect(lines.map((l) => [l.direction, l.productId, l.quantity]).sort()).toEqual([['back', f.catalog[1]!.id, 1], ['out', f.catalog[2]!.id, 1]]);
  });

  it('takes back an item sold at another store of the chain, looked up at HQ', async () => {
    const s004: PairedDevice = await pairTill(f, 'S004');
    const other = makeSale(f, s004, '0041', { lines: 1 });
    const pushed = await f.app.request('/sync/push', json({ documents: [other] }, s004.deviceToken));
    expect(pushed.status).toBe(200);
    await openReturnsWithManager();
    await findReceipt(other.receiptNo);
    expect(await page.getByTestId('return-origin').textContent()).toContain('S004');
    expect(await page.getByTestId('return-origin').textContent()).toContain('from HQ');
    await page.getByTestId('return-qty').first().fill('1');
    const line = other.lines[0]!;
    const refund = Math.floor((line.netMinor * 1) / line.quantity);
    await expect.poll(() => page.getByTestId('return-refund-cash').textContent()).toContain(money(refund as Minor));
    await page.getByTestId('return-confirm').click();
    await page.getByTestId('return-done').waitFor();
    await page.getByTestId('return-close').click();
    await expect.poll(unsent, { timeout: 60_000 }).toBe(0);
    const cross = (await hqReturns()).find((r) => r.originalSaleId === other.id)!;
    expect(cross).toMatchObject({ storeId: f.storeIds.S001, refundedMinor: refund });
  });

  it('shows the office the returns, the exchange and who approved, on a screen that passes axe', async () => {
    await office.goto(`${hq.url}/#/office/returns`);
    const rows = office.locator('[data-testid="returns-screen"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const text = (await office.locator('[data-testid="returns-screen"]').textContent()) ?? '';
    expect(text).toContain('(0011)');
    expect(text).toContain('Exchange');
    expect(text).toContain(sale);
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await office.goto(`${hq.url}/#/office/approvals`);
    const approvalRows = office.locator('[data-testid="approvals-screen"] tbody tr.ant-table-row');
    await expect.poll(() => approvalRows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await approvalRows.first().textContent()).toContain('Refund');
    if (SHOTS) {
      await office.goto(`${hq.url}/#/office/returns`);
      await shoot(office, 'office-returns', async () => {
        await office.reload();
        await rows.first().waitFor({ timeout: 30_000 });
      });
    }
  });

  it('shows the return screen and an exchange in Chinese too', async () => {
    await page.getByTestId('language-switch').click();
    await openReturnsWithManager('店长授权：退款');
    expect(await page.getByTestId('return-screen').textContent()).toContain('退换货');
    await findReceipt(sale);
    await page.getByTestId('return-qty').first().fill('1');
    await page.getByTestId('return-scan-input').fill(f.catalog[3]!.barcode);
    await page.getByTestId('return-scan-input').press('Enter');
    await page.getByTestId('return-out-list').waitFor();
    await page.getByTestId('return-back-total').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shootTill('return-exchange', 'zh-CN');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('return-screen').count()).toBe(0);
  });
});
