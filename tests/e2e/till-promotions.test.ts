import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixture } from '../support/fixture';
import { createPromotion, ruleOf } from '../support/pricing-setup';
import { openSellingTill, scanToLines, startTillHarness, tillStoreSales, type TillHarness } from './till-page';

const PROMOTION_NAME = '矿泉水八折 Water 20% off';
const SCREENSHOT = process.env.TILL_SCREENSHOT;

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;

beforeAll(async () => {
  harness = await startTillHarness(async (fixture, office) => {
    await createPromotion(fixture, office, ruleOf('item_discount', PROMOTION_NAME, { productIds: [fixture.catalog[0]!.id], offer: { type: 'percent_off', percentBp: 2000 }, unitLimit: null }));
  });
  ({ f, hq, page } = harness);
});

afterAll(() => harness?.close());

const scan = (code: string, lines: number) => scanToLines(page, code, lines);

const unsent = () => page.getByTestId('outbox-count').getAttribute('data-unsent').then(Number);
const storeSales = () => tillStoreSales(f);

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
