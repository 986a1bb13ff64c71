import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { salePayments } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import type { Fixture } from '../support/fixture';
import { openSellingTill, scanToLines, startTillHarness, tillStoreSales, type TillHarness } from './till-page';

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the sell screen, split tender, held tickets and the change, in both languages and three sizes. */
const SHOTS = process.env.E2E_SCREENSHOTS;
const sizes = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }, { width: 800, height: 600 }] as const;

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;

beforeAll(async () => {
  harness = await startTillHarness(async (fixture, office) => {
    // Cash rounds to 10 fen, so a sale a card and cash share shows the rounding only on the cash.
    const res = await fixture.app.request('/settings/pricing', {
      method: 'PUT', headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cashRounding: { unitMinor: 10, mode: 'half_up' }, scaleLayouts: [] }),
    });
    expect(res.status).toBe(200);
  });
  ({ f, hq, page } = harness);
  await page.setViewportSize(sizes[1]);
  await openSellingTill(page, f, hq.url);
});

afterAll(() => harness?.close());

const lines = () => page.getByTestId('basket-line').count();
const quantities = () => page.getByTestId('basket-line-quantity').allTextContents();
const yuan = (minor: number) => (minor / 100).toFixed(2);

async function reload(): Promise<void> {
  await page.reload();
  await page.getByTestId('scan-input').waitFor();
}

/** Pictures of the screen as it is, in English and then Chinese (the status bar's language switch, pressed even behind an open dialog) at both sizes. */
async function shoot(name: string): Promise<void> {
  if (!SHOTS) return;
  const switchLanguage = () => page.evaluate(() => (document.querySelector('[data-testid="language-switch"]') as HTMLButtonElement).click());
  for (const locale of ['en', 'zh-CN']) {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${SHOTS}/${name}-${locale}-${size.width}.png` });
    }
    await switchLanguage();
  }
  await page.setViewportSize(sizes[1]);
}

describe('the open ticket', () => {
  it('keeps the newest line in view, says its price, and comes back whole after a reload', async () => {
    for (let i = 0; i < 12; i++) await scanToLines(page, f.catalog[i]!.barcode, i + 1);
    const newest = page.getByTestId('basket-line').last();
    const basketBox = await page.locator('.basket').boundingBox();
    const rowBox = await newest.boundingBox();
    expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(basketBox!.y + basketBox!.height + 1);
    expect(rowBox!.y).toBeGreaterThanOrEqual(basketBox!.y);
    expect(await page.getByTestId('sell-added').textContent()).toContain(yuan(f.catalog[11]!.priceMinor));

    await page.getByTestId('scan-input').press('ArrowUp');
    await page.getByTestId('scan-input').press('+');
    await expect.poll(quantities).toEqual([...Array(10).fill('1'), '2', '1']);
    await shoot('sell-screen');
    await reload();
    await expect.poll(lines).toBe(12);
    expect(await quantities()).toEqual([...Array(10).fill('1'), '2', '1']);
    expect(await page.locator('tr[aria-selected="true"] [data-testid="basket-line-quantity"]').textContent()).toBe('2');
  });

  it('takes no cash on Enter, Enter: an amount or a deliberate key completes, and the change stays large until the next scan', async () => {
    const total = Number((await page.getByTestId('basket-total').textContent())!.replace(/[^\d.]/g, ''));
    await page.getByTestId('scan-input').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tendered-input');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('sell-note').textContent()).toContain('Type the cash received');
    expect(await lines()).toBe(12);

    await page.getByTestId('tendered-input').fill('500');
    await page.keyboard.press('Enter');
    await expect.poll(lines).toBe(0);
    const change = (await page.getByTestId('change-due-amount').textContent())!;
    const cashDue = Math.round(total * 10) / 10;
    expect(Number(change.replace(/[^\d.]/g, ''))).toBeCloseTo(500 - cashDue, 2);
    await shoot('change-after-sale');
    await reload();
    expect(await lines()).toBe(0);
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(1);

    await scanToLines(page, f.catalog[0]!.barcode, 1);
    expect(await page.getByTestId('change-due').count()).toBe(0);
  });
});

describe('tenders', () => {
  it('takes part by card (after a declined one) and the rest in cash, and HQ keeps both payments', async () => {
    await scanToLines(page, f.catalog[1]!.barcode, 2);
    const before = await tillStoreSales(f);
    await page.keyboard.press('End');
    await page.getByTestId('card-reference').fill('DECL-01');
    await page.getByTestId('card-declined').click();
    // The cashier sees the dialog close on the declined card before asking the terminal again.
    await page.getByTestId('card-dialog').waitFor({ state: 'hidden' });
    await page.keyboard.press('End');
    await page.getByTestId('card-amount').fill('999999');
    await page.getByTestId('card-reference').fill('T0045-118');
    await page.getByTestId('card-reference').press('Enter');
    await expect.poll(() => page.getByTestId('card-problem').textContent()).toContain('more than what is left');
    await page.getByTestId('card-amount').fill('1.23');
    await page.getByTestId('card-reference').press('Enter');
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(2);
    expect(await page.getByTestId('payment-row').first().getAttribute('data-declined')).toBe('true');
    const remaining = Number(await page.getByTestId('remaining').getAttribute('data-remaining'));
    expect(await page.getByTestId('remaining-amount').textContent()).toContain(yuan(remaining));

    await page.keyboard.press('Insert');
    await expect.poll(() => page.getByTestId('sell-error').textContent()).toContain('A card has paid on this ticket');
    expect(await axeFindings()).toEqual([]);
    await shoot('split-tender');

    await page.getByTestId('tendered-input').fill('100');
    await page.getByTestId('tendered-input').press('Enter');
    await expect.poll(lines).toBe(0);
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(before.length + 1);
    const sale = (await tillStoreSales(f)).find((s) => !before.some((b) => b.id === s.id))!;
    const payments = await f.deps.db.select().from(salePayments).where(eq(salePayments.saleId, sale.id));
    const byTender = Object.fromEntries(payments.map((p) => [p.tender, p]));
    expect(payments).toHaveLength(2);
    expect(byTender.bank_card).toMatchObject({ amountMinor: 123, tenderedMinor: null, reference: 'T0045-118' });
    expect(remaining + 123).toBe(Number(sale.totalMinor));
    const cashAmount = Number(byTender.cash!.amountMinor);
    expect(cashAmount % 10).toBe(0);
    expect(Number(byTender.cash!.tenderedMinor)).toBe(10_000);
    expect(Number(sale.roundingMinor)).toBe(123 + cashAmount - Number(sale.totalMinor));
    expect(Number(sale.changeMinor)).toBe(10_000 - cashAmount);
    expect(await f.deps.db.select().from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale.id))).toEqual([]);
  });
});

describe('hold and recall', () => {
  it('holds a ticket, serves the next customer, and recalls it after a reload, swapping the one on screen', async () => {
    await scanToLines(page, f.catalog[20]!.barcode, 1);
    await scanToLines(page, f.catalog[20]!.barcode, 1);
    await page.keyboard.press('Insert');
    await expect.poll(() => page.getByTestId('sell-note').textContent()).toContain('No. 1');
    expect(await lines()).toBe(0);
    await expect.poll(() => page.getByTestId('held-count').textContent()).toBe('1');

    await scanToLines(page, f.catalog[21]!.barcode, 1);
    await reload();
    expect(await page.getByTestId('basket-line').textContent()).toContain(f.catalog[21]!.barcode);
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('held-row').count()).toBe(1);
    expect(await page.getByTestId('held-row').textContent()).toMatch(/No\. 1.*2 items/);
    expect(await axeFindings()).toEqual([]);
    await shoot('held-tickets');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('basket-line').textContent()).toContain(f.catalog[20]!.barcode);
    expect(await quantities()).toEqual(['2']);
    await expect.poll(() => page.getByTestId('held-count').textContent()).toBe('1');

    await reload();
    expect(await quantities()).toEqual(['2']);
    await page.keyboard.press('F9');
    await expect.poll(lines).toBe(0);
    await page.getByTestId('change-due').waitFor();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('held-row').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('basket-line').textContent()).toContain(f.catalog[21]!.barcode);
    await expect.poll(() => page.getByTestId('held-count').count()).toBe(0);
  });

  it('gives a touch screen keys a finger can hit at 1024×768 and 800×600, with nothing scrolling sideways', async () => {
    await scanToLines(page, f.catalog[22]!.barcode, (await lines()) + 1);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    for (const size of sizes.slice(1)) {
      await page.setViewportSize(size);
      const layout = await page.evaluate(() => ({
        sideways: document.documentElement.scrollWidth - window.innerWidth,
        shortKeys: Array.from(document.querySelectorAll<HTMLElement>('main .button, .status-bar button, .shift-strip .button'))
          .filter((b) => b.offsetParent !== null && b.getBoundingClientRect().height < 47.5)
          .map((b) => b.dataset.testid ?? b.textContent),
        rowHeight: document.querySelector('[data-testid="basket-line"]')?.getBoundingClientRect().height ?? 0,
      }));
      expect(layout).toEqual({ sideways: 0, shortKeys: [], rowHeight: expect.any(Number) });
      expect(layout.rowHeight).toBeGreaterThanOrEqual(44);
    }
    await shoot('touch-sell-screen');
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await page.setViewportSize(sizes[1]);
  });
});

async function axeFindings(): Promise<string[]> {
  return seriousAccessibilityFindings(page);
}
