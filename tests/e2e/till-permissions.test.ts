import { clerks } from '@pos/hq-server/org/org.tables';
import { permissionRoles } from '@pos/hq-server/roles/roles.tables';
import { saleApprovals } from '@pos/hq-server/sales/sales.tables';
import { tillEvents } from '@pos/hq-server/till-events/till-events.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { defaultTillPermissions, type TillPermissions } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { DEMO_PIN, type Fixture } from '../support/fixture';
import { openSellingTill, openShiftIfAsked, scanToLines, startTillHarness, tillStoreSales, type TillHarness } from './till-page';

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the approval dialog and the office screen. */
const SHOTS = process.env.E2E_SCREENSHOTS;
const sizes = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;
const ROLE_ID = '0195505c-0000-7000-8000-00000000f00d';

/** The chain's cashiers: discounts up to 10% of a line alone, a manager's PIN for refunds and ticket discounts, no drawer without a sale. */
const cashierRole: TillPermissions = {
  keys: { ...defaultTillPermissions('cashier').keys, line_discount: 'allowed', ticket_discount: 'manager_pin', refund: 'manager_pin', no_sale: 'forbidden' },
  lineDiscountLimitBp: 1000,
  ticketDiscountLimitBp: 0,
};

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;

beforeAll(async () => {
  harness = await startTillHarness(async (fixture) => {
    await fixture.deps.db.insert(permissionRoles).values({
      chainId: fixture.chainId, id: ROLE_ID, kind: 'till', code: 'CASHIER', nameZh: '收银员', nameEn: 'Cashier', permissions: cashierRole, updatedAt: fixture.deps.clock(),
    });
    await fixture.deps.db.update(clerks).set({ permissionRoleId: ROLE_ID }).where(and(eq(clerks.chainId, fixture.chainId), eq(clerks.code, '0012')));
    // Cashier 0013 is a senior cashier: the drawer without a sale needs a manager, a reprint does not.
    const [senior] = await fixture.deps.db.select({ id: permissionRoles.id }).from(permissionRoles)
      .where(and(eq(permissionRoles.chainId, fixture.chainId), eq(permissionRoles.code, 'senior-cashier')));
    await fixture.deps.db.update(clerks).set({ permissionRoleId: senior!.id }).where(and(eq(clerks.chainId, fixture.chainId), eq(clerks.code, '0013')));
  });
  ({ f, hq, page } = harness);
  await openSellingTill(page, f, hq.url);
});

afterAll(() => harness?.close());

async function shootBothLanguages(target: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  if (!SHOTS) return;
  for (const locale of ['en', 'zh-CN'] as const) {
    if ((await target.evaluate(() => localStorage.getItem('pos-till-locale'))) !== locale) {
      await target.evaluate((value) => localStorage.setItem('pos-till-locale', value), locale);
      await target.reload();
      await ready();
    }
    for (const size of sizes) {
      await target.setViewportSize(size);
      await target.waitForTimeout(200);
      await target.screenshot({ path: `${SHOTS}/${name}-${locale}-${size.width}.png` });
    }
  }
  await target.setViewportSize(sizes[0]);
}

describe('till permissions and manager approval', () => {
  it('refuses the drawer without a sale, naming the key', async () => {
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByTestId('sell-error').textContent()).toContain('may not use “Open drawer (no sale)”');
  });

  it('asks a manager before the return screen opens, and opens nothing when the cashier gives up', async () => {
    await page.getByTestId('refund').click();
    await page.getByTestId('approval-dialog').waitFor();
    expect(await page.getByTestId('approval-dialog').textContent()).toContain('Manager approval: Refund');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('approval-dialog').isVisible()).toBe(false);
    expect(await page.getByTestId('return-screen').count()).toBe(0);
  });

  it("asks a manager for a void the role does not allow alone, in a dialog that passes axe", async () => {
    await scanToLines(page, f.catalog[0]!.barcode, 1);
    await page.getByTestId('void-ticket').click();
    await page.getByTestId('approval-dialog').waitFor();
    expect(await page.getByTestId('approval-dialog').textContent()).toContain('Manager approval: Void ticket');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (SHOTS) {
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `${SHOTS}/approval-dialog-en-${size.width}.png` });
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('language-switch').click();
      await page.getByTestId('void-ticket').click();
      await page.getByTestId('approval-dialog').waitFor();
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `${SHOTS}/approval-dialog-zh-CN-${size.width}.png` });
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('language-switch').click();
      await page.setViewportSize(sizes[0]);
    } else {
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => page.getByTestId('approval-dialog').isVisible()).toBe(false);
    expect(await page.getByTestId('basket-line').count()).toBe(1);
  });

  it('lets the cashier give 10% alone, asks a manager over it, refuses a wrong PIN and takes the right one', async () => {
    await page.keyboard.press('F6');
    await page.getByTestId('discount-value-input').fill('10');
    expect(await page.getByTestId('discount-approver-code').count()).toBe(0);
    await page.getByTestId('discount-value-input').fill('25');
    await page.getByTestId('discount-approver-code').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByTestId('discount-approver-code').fill('0011');
    await page.getByTestId('discount-approver-pin').fill('0000');
    await page.getByTestId('discount-apply-button').click();
    await expect.poll(() => page.getByTestId('discount-approval-error').textContent()).toContain('wrong');
    await page.getByTestId('discount-approver-pin').fill(DEMO_PIN);
    await page.getByTestId('discount-apply-button').click();
    await expect.poll(() => page.getByTestId('discount-dialog').isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('basket-line').first().textContent()).toContain('−');
  });

  it('completes the sale, which reaches HQ with who approved the discount', async () => {
    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 30_000 }).toBe(1);
    const [sale] = await tillStoreSales(f);
    const approvals = await f.deps.db.select().from(saleApprovals).where(eq(saleApprovals.saleId, sale!.id));
    expect(approvals).toEqual([expect.objectContaining({ key: 'line_discount', requestedBy: f.clerkIds['0012'], approvedBy: f.clerkIds['0011'] })]);
  });

  it('shows the office who approved, on a screen that passes axe', async () => {
    const browser: Browser = page.context().browser()!;
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: sizes[0] });
    const office = await context.newPage();
    await office.goto(`${hq.url}/#/office/approvals`);
    await office.fill('input[type=email]', 's001@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    const row = office.locator('[data-testid="approvals-screen"] tbody tr.ant-table-row');
    await row.first().waitFor({ timeout: 30_000 });
    const text = await row.first().textContent();
    expect(text).toContain('Line discount');
    expect(text).toContain('(0011)');
    expect(text).toContain('(0012)');
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await shootBothLanguages(office, 'approvals-screen', () => row.first().waitFor({ timeout: 30_000 }));
    await context.close();
  });

  it('records a no-sale drawer opening a manager approved, a voided ticket and a reprint, which reach HQ and the office with who approved', async () => {
    const [sale] = await tillStoreSales(f);
    await page.getByTestId('sign-out-button').click();
    await page.getByTestId('clerk-code-input').fill('0013');
    await page.getByTestId('pin-input').fill(DEMO_PIN);
    await page.getByTestId('sign-in-button').click();
    await openShiftIfAsked(page);

    await page.keyboard.press('F10');
    await page.getByTestId('approval-dialog').waitFor();
    expect(await page.getByTestId('approval-dialog').textContent()).toContain('Open drawer (no sale)');
    await page.getByTestId('approval-code').fill('0011');
    await page.getByTestId('approval-pin').fill(DEMO_PIN);
    await page.getByTestId('approval-submit').click();
    await expect.poll(() => page.getByTestId('approval-dialog').isVisible()).toBe(false);
    // No bridge here, so the drawer does not open; the key went ahead and is on record all the same.
    await expect.poll(() => page.getByTestId('sell-error').textContent()).toContain('drawer');
    // A senior cashier voids a ticket alone.
    await scanToLines(page, f.catalog[1]!.barcode, 1);
    await page.getByTestId('scan-input').press('Shift+Delete');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    await page.keyboard.press('F8');

    const events = () => f.deps.db.select().from(tillEvents).where(eq(tillEvents.storeId, f.storeIds.S001!)).orderBy(tillEvents.completedAt);
    await expect.poll(async () => (await events()).length, { timeout: 30_000 }).toBe(3);
    const price = f.catalog[1]!.priceMinor;
    expect(await events()).toEqual([
      expect.objectContaining({ event: 'no_sale', clerkId: f.clerkIds['0013'], approvedBy: f.clerkIds['0011'], receiptNo: null }),
      expect.objectContaining({ event: 'void_ticket', clerkId: f.clerkIds['0013'], approvedBy: null, lineCount: 1, grossMinor: price, netMinor: price }),
      expect.objectContaining({ event: 'reprint', clerkId: f.clerkIds['0013'], approvedBy: null, approvalId: null, receiptNo: sale!.receiptNo }),
    ]);

    const browser: Browser = page.context().browser()!;
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: sizes[0] });
    const office = await context.newPage();
    await office.goto(`${hq.url}/#/office/approvals`);
    await office.fill('input[type=email]', 's001@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    const rows = office.locator('[data-testid="approvals-screen"] [role=tabpanel][aria-hidden=false] tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 30_000 });
    const override = await rows.first().textContent();
    expect(override).toContain('Open drawer (no sale)');
    expect(override).toContain('Till action, no sale');
    expect(override).toContain('(0011)');
    expect(override).toContain('(0013)');

    const openEvents = async () => {
      await office.locator('[data-testid="approvals-screen"] .ant-tabs-tab').nth(1).click();
      await office.locator('[data-testid="approvals-screen"] [role=tabpanel][aria-hidden=false] [data-row-key]').first().waitFor({ timeout: 30_000 });
    };
    await office.getByRole('tab', { name: 'Drawer opens, voids and reprints' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const [reprinted, voided, opened] = await rows.allTextContents();
    expect(voided).toContain('Void ticket');
    expect(voided).toContain('Lines: 1');
    expect(reprinted).toContain('Reprint receipt');
    expect(reprinted).toContain(`Receipt ${sale!.receiptNo}`);
    expect(reprinted).toContain('Allowed by role');
    expect(opened).toContain('Open drawer (no sale)');
    expect(opened).toContain('(0013)');
    expect(opened).toContain('(0011)');
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await shootBothLanguages(office, 'till-events-tab', openEvents);
    await context.close();
  });
});
