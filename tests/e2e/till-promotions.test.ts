import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { seedFixture, signInOffice, type Fixture } from '../support/fixture';
import { newTillPage, openSellingTill, scanCode } from './till-page';
import { startHq } from '../support/hq';
import { createPromotion, ruleOf } from '../support/pricing-setup';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const PROMOTION_NAME = '矿泉水八折 Water 20% off';
const SCREENSHOT = process.env.TILL_SCREENSHOT;

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedFixture(database);
  hq = await startHq(f);
  const office = await signInOffice(f, 'hq@demo.pos');
  await createPromotion(f, office, ruleOf('item_discount', PROMOTION_NAME, { productIds: [f.catalog[0]!.id], offer: { type: 'percent_off', percentBp: 2000 }, unitLimit: null }));
  browser = await launchBrowser();
  page = await newTillPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  await database?.close();
});

async function scan(code: string, lines: number): Promise<void> {
  await scanCode(page, code);
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(lines);
}

const unsent = () => page.getByTestId('outbox-count').getAttribute('data-unsent').then(Number);
const storeSales = () => f.deps.db.select().from(sales).where(eq(sales.storeId, f.storeIds.S001!));

describe('a promotion from HQ on the till', () => {
  it('pulls the promotion, shows its name and saving, and HQ prices the pushed sale alike', async () => {
    await openSellingTill(page, f, hq.url);

    await scan(f.catalog[0]!.barcode, 1);
    await scan(f.catalog[0]!.barcode, 1);
    await scan(f.catalog[1]!.barcode, 2);
    await expect.poll(() => page.getByTestId('line-promotion').first().textContent()).toContain(PROMOTION_NAME);
    expect(await page.getByTestId('line-promotion').count()).toBe(1);
    const saving = (await page.getByTestId('basket-saving').textContent()) ?? '';
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    await expect.poll(async () => (await storeSales()).length, { timeout: 60_000 }).toBe(1);
    await expect.poll(unsent, { timeout: 30_000 }).toBe(0);

    const [sale] = await storeSales();
    expect(sale).toBeDefined();
    expect(Number(sale!.discountMinor)).toBeGreaterThan(0);
    expect(saving).toContain((Number(sale!.discountMinor) / 100).toFixed(2));
    const [found] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale!.id));
    expect(found!.n).toBe(0);
  });

  it('takes a barcode typed into the cash field as a scan, not as the amount', async () => {
    await page.getByTestId('tendered-input').focus();
    await page.keyboard.type(f.catalog[2]!.barcode);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1);
    expect(await page.getByTestId('tendered-input').inputValue()).toBe('');
    expect(await storeSales()).toHaveLength(1);
  });
});
