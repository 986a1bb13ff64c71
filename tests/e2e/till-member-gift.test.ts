import { memberLevels, pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { saleLines, voucherRedemptions } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { and, eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PIN, json, type Fixture } from '../support/fixture';
import { createPromotion, every, ruleOf, setCashRounding } from '../support/pricing-setup';
import { openSellingTill, scanToLines, startTillHarness, tillStoreSales, type TillHarness } from './till-page';

const SCREENSHOT = process.env.TILL_SCREENSHOT;
/** The demo gold member every seeded chain has. */
const GOLD_CARD = '888800018';
/** Below the demo retail prices, and three of them not a whole number of 0.10, so the rounding shows. */
const MEMBER_PRICE = 199;
const VOUCHER = 'E2E-VOUCHER-5';

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;

beforeAll(async () => {
  harness = await startTillHarness(async (fixture, office) => {
    const [gold] = await fixture.deps.db.select().from(memberLevels).where(and(eq(memberLevels.chainId, fixture.chainId), eq(memberLevels.code, 'GOLD_CARD')));
    const price = await fixture.app.request('/pricing/prices', json({ productId: fixture.catalog[0]!.id, kind: 'member', memberLevelId: gold!.id, amountMinor: MEMBER_PRICE }, office));
    expect(price.status).toBe(201);
    await createPromotion(fixture, office, ruleOf('spend_gift', '满5赠 Gift over 5', { scope: every, minSpendMinor: 500, gift: { productId: fixture.catalog[5]!.id, quantity: 1, valueMinor: 450 } }));
    await createPromotion(fixture, office, ruleOf('voucher', '代金券5元 Voucher 5', { scope: every, codes: [VOUCHER], faceValueMinor: 500, minSpendMinor: 0, maxPerTicket: 1 }));
    await setCashRounding(fixture, office, { unitMinor: 10, mode: 'down' });
  });
  ({ f, hq, page } = harness);
});

afterAll(() => harness?.close());

const scan = (code: string, lines: number) => scanToLines(page, code, lines);

const storeSales = () => tillStoreSales(f);

describe('a member, a gift and cash rounding at the till', () => {
  it('prices for the member found by card, adds the gift, rounds the cash, and HQ agrees', async () => {
    await openSellingTill(page, f, hq.url);
    for (let i = 0; i < 3; i++) await scan(f.catalog[0]!.barcode, 1);

    await page.keyboard.press('F3');
    const input = page.getByTestId('member-code-input');
    await input.fill(GOLD_CARD);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('member-found').textContent(), { timeout: 15_000 }).toContain('王小明');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-dialog.png') });
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('member-strip').textContent()).toContain(GOLD_CARD);

    const total = 3 * MEMBER_PRICE;
    await expect.poll(() => page.getByTestId('gift-line').count()).toBe(1);
    await expect.poll(() => page.getByTestId('basket-rounding').textContent()).toBe(`−¥${((total % 10) / 100).toFixed(2)}`);
    await expect.poll(() => page.getByTestId('basket-total').textContent()).toBe(`¥${((total - (total % 10)) / 100).toFixed(2)}`);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    expect(await page.getByTestId('member-strip').count()).toBe(0);
    await expect.poll(() => page.getByTestId('receipt-paper').textContent()).toContain(`****${GOLD_CARD.slice(-4)}`);
    expect(await page.getByTestId('receipt-paper').textContent()).toContain('赠品 Gift');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-receipt.png') });
    await expect.poll(async () => (await storeSales()).length, { timeout: 60_000 }).toBe(1);

    const [sale] = await storeSales();
    expect(sale).toMatchObject({ totalMinor: total, roundingMinor: -(total % 10) });
    const lines = await f.deps.db.select().from(saleLines).where(eq(saleLines.saleId, sale!.id)).orderBy(saleLines.lineNo);
    expect(lines.map((l) => [l.productId, l.quantity, l.unitPriceMinor, l.netMinor, l.giftRuleId !== null])).toEqual([
      [f.catalog[0]!.id, 3, MEMBER_PRICE, total, false],
      [f.catalog[5]!.id, 1, 450, 0, true],
    ]);
    const [found] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale!.id));
    expect(found!.n).toBe(0);
  });

  it('takes a voucher once and a cashier discount approved by the manager, and HQ agrees', async () => {
    // Enough that something is left after the voucher for the discount to take from.
    for (let i = 0; i < 8; i++) await scan(f.catalog[1]!.barcode, 1);

    await page.keyboard.press('F5');
    await page.getByTestId('voucher-code-input').fill(VOUCHER);
    await page.getByTestId('voucher-code-input').press('Enter');
    await expect.poll(() => page.getByTestId('voucher-row').getAttribute('data-status')).toBe('applied');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('voucher-dialog').isVisible()).toBe(false);

    // 15% is beyond what the demo's senior cashier may give alone (10%), so a manager approves it.
    await page.keyboard.press('F6');
    await page.getByTestId('discount-value-input').fill('15');
    await page.getByTestId('discount-value-input').press('Enter');
    await page.getByTestId('discount-approver-code').fill('0011');
    await page.getByTestId('discount-approver-code').press('Enter');
    await page.getByTestId('discount-approver-pin').fill(DEMO_PIN);
    await page.getByTestId('discount-approver-pin').press('Enter');
    await expect.poll(() => page.getByTestId('discount-dialog').isVisible()).toBe(false);
    await expect.poll(async () => (await page.getByTestId('line-promotion').allTextContents()).join(' ')).toContain('折扣 Discount');
    await page.keyboard.press('F6');
    await page.getByTestId('discount-dialog').waitFor();
    await expect.poll(() => page.getByTestId('discount-applied').count()).toBe(1);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-discount-applied.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('discount-dialog').isVisible()).toBe(false);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace('.png', '-discount.png') });

    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    await expect.poll(async () => (await storeSales()).length, { timeout: 60_000 }).toBe(2);
    const [, sale] = (await storeSales()).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
    const [found] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale!.id));
    expect(found!.n).toBe(0);
    expect(await f.deps.db.select().from(voucherRedemptions).where(eq(voucherRedemptions.code, VOUCHER))).toEqual([expect.objectContaining({ saleId: sale!.id, amountMinor: 500 })]);

    await scan(f.catalog[1]!.barcode, 1);
    await page.keyboard.press('F5');
    await page.getByTestId('voucher-code-input').fill(VOUCHER);
    await page.getByTestId('voucher-code-input').press('Enter');
    await expect.poll(() => page.getByTestId('voucher-spent').textContent()).toContain(VOUCHER);
    expect(await page.getByTestId('voucher-row').count()).toBe(0);
  });
});
