import { storedValueEntries } from '@pos/hq-server/members/membership.tables';
import { pointsEntries } from '@pos/hq-server/points/points.tables';
import { returnRefunds } from '@pos/hq-server/returns/returns.tables';
import { salePayments } from '@pos/hq-server/sales/sales.tables';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import type { RunningServer } from '@pos/hq-server/server';
import { MemberCard, MembershipSettings, withCheckDigit } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { bearer, json, pairTill, type Fixture } from '../support/fixture';
import { send } from '../support/people';
import { startBridgeProcess, type BridgeProcess } from './bridge-process';
import { openSellingTill, pairWithBridge, scanToLines, startTillHarness, tillStoreSales, type TillHarness } from './till-page';

const SHOTS = process.env.TILL_SCREENSHOT_DIR;
const CARD = demoCardNo(2);
/** A blank card handed over to replace the lost one. */
const NEW_CARD = withCheckDigit('88881234');

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;
let bridge: BridgeProcess;

/** What the chain lets a till take offline from stored value: ¥3 a card, ¥5 a till. */
const ALLOWANCE = { offlineCardAllowanceMinor: 300, offlineTillAllowanceMinor: 500 };

beforeAll(async () => {
  harness = await startTillHarness(async (fixture, office) => {
    const settings = MembershipSettings.parse(await (await fixture.app.request('/settings/membership', bearer(office))).json());
    expect((await fixture.app.request('/settings/membership', send('PUT', { ...settings, ...ALLOWANCE }, office))).status).toBe(200);
  });
  ({ f, hq, page } = harness);
  bridge = await startBridgeProcess([hq.url]);
}, 120_000);

afterAll(async () => {
  await bridge?.stop();
  await harness?.close();
});

const snap = async (name: string) => (SHOTS ? void (await page.screenshot({ path: `${SHOTS}/${name}.png` })) : undefined);
const yuan = (minor: number) => `¥${(minor / 100).toFixed(2)}`;
/** The card's balance as the till's desk shows it after an enquiry, in minor units. */
async function deskBalance(): Promise<number> {
  await page.getByTestId('card-desk-enquire').click();
  const text = (await page.getByTestId('card-desk-balance').textContent({ timeout: 10_000 }))!;
  return Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
}
/** The store manager approves with code and PIN when the clerk's role asks for them. */
async function managerIfAsked(): Promise<void> {
  const asking = page.locator('[data-testid="approval-dialog"][open]');
  await expect.poll(async () => (await asking.count()) > 0 || (await page.locator('[data-testid="return-screen"], [data-testid="card-desk-outcome"]').count()) > 0, { timeout: 10_000 }).toBe(true);
  if ((await asking.count()) === 0) return;
  await page.getByTestId('approval-code').fill('0011');
  await page.getByTestId('approval-pin').fill('1234');
  await page.getByTestId('approval-submit').click();
}
const accountEntries = () => f.deps.db.select().from(storedValueEntries).where(eq(storedValueEntries.chainId, f.chainId));

describe('stored value at the till', () => {
  it('tops up 500 with the bonus and a slip, pays part of a sale from the card, and a lost card replaced elsewhere keeps the balance', async () => {
    await page.addInitScript(() => localStorage.setItem('pos-till-locale', 'en'));
    await openSellingTill(page, f, hq.url, bridge.url);
    await pairWithBridge(page, bridge.pairingCode());

    // The card desk: swiped on the simulated reader, asked for its balance.
    await page.keyboard.press('F12');
    await page.locator('[data-testid="card-desk"][open]').waitFor();
    expect(await bridge.cli('swipe', `;${CARD}=?`)).toContain('swiped');
    await expect.poll(() => page.getByTestId('card-desk-card').inputValue(), { timeout: 10_000 }).toBe(CARD);
    const before = await deskBalance();

    // Top-up 500 in cash: the demo rule gives 50, the slip prints, the drawer counts the cash in.
    const jobs = bridge.jobs().length;
    await page.getByTestId('card-desk-amount').fill('500');
    await page.getByTestId('card-desk-top-up').click();
    await expect.poll(() => page.getByTestId('card-desk-topped-up').textContent(), { timeout: 15_000 }).toContain(yuan(before + 55_000));
    expect(await page.getByTestId('card-desk-topped-up').textContent()).toContain(yuan(5_000));
    const slip = await bridge.waitForJob(jobs + 1, 30_000);
    expect(slip.text).toContain('储值充值 TOP-UP');
    expect(slip.text).toContain('赠送 Bonus');
    expect(slip.text).toContain(`****${CARD.slice(-4)}`);
    await snap('till-top-up');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    expect(await deskBalance()).toBe(before + 55_000);
    await page.getByTestId('card-desk-close').click();

    // A sale for the member, part stored value, the rest cash.
    await scanToLines(page, f.catalog[0]!.barcode, 1);
    await scanToLines(page, f.catalog[1]!.barcode, 2);
    await page.keyboard.press('F3');
    await page.getByTestId('member-code-input').fill(CARD);
    await page.getByTestId('member-code-input').press('Enter');
    await page.getByTestId('member-found').waitFor({ timeout: 10_000 });
    await page.getByTestId('member-code-input').press('Enter');
    await page.getByTestId('member-strip').waitFor();

    await page.keyboard.press('PageUp');
    await page.locator('[data-testid="member-pay-dialog"][open]').waitFor();
    await page.getByTestId('member-pay-holdings').waitFor({ timeout: 10_000 });
    await page.getByTestId('member-pay-amount').fill('3.00');
    await snap('till-stored-value-pay');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByTestId('member-pay-submit').click();
    await expect.poll(() => page.locator('[data-testid="payment-row"][data-tender="stored_value"]').count(), { timeout: 15_000 }).toBe(1);
    const printed = bridge.jobs().length;
    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    const receipt = (await bridge.waitForJob(printed + 1, 30_000)).text;
    expect(receipt).toContain('储值余额');
    expect(receipt).toContain(((before + 55_000 - 300) / 100).toFixed(2));
    expect(receipt).toContain(`****${CARD.slice(-4)}`);

    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(1);
    const [sale] = await tillStoreSales(f);
    const paid = await f.deps.db.select().from(salePayments).where(and(eq(salePayments.chainId, f.chainId), eq(salePayments.saleId, sale!.id)));
    expect(paid.map((p) => p.tender).sort()).toEqual(['cash', 'stored_value']);
    const spend = (await accountEntries()).filter((e) => e.kind === 'spend' && e.paymentId === paid.find((p) => p.tender === 'stored_value')!.id);
    expect(spend.map((e) => e.amountMinor)).toEqual([-300]);

    // One item back: its refund goes back the way it was paid, stored value to the card, and HQ takes back the points it earned.
    await expect.poll(async () => (await f.deps.db.select().from(pointsEntries).where(and(eq(pointsEntries.chainId, f.chainId), eq(pointsEntries.saleId, sale!.id)))).length, { timeout: 30_000 }).toBe(1);
    // The receipt named the points the sale earns by the rules the till pulled: what HQ posted at ingest.
    const [earned] = await f.deps.db.select().from(pointsEntries).where(and(eq(pointsEntries.chainId, f.chainId), eq(pointsEntries.saleId, sale!.id)));
    expect(earned!.points).toBeGreaterThan(0);
    expect(receipt).toMatch(new RegExp(`本次积分 Points earned\\s+${earned!.points}\\b`));
    await page.keyboard.press('F1');
    await managerIfAsked();
    await page.getByTestId('return-screen').waitFor();
    await page.getByTestId('return-receipt-input').fill(sale!.receiptNo);
    await page.getByTestId('return-lookup').click();
    await page.getByTestId('return-sale-lines').waitFor({ timeout: 15_000 });
    await page.getByTestId('return-qty').first().fill('1');
    await snap('till-return-stored-value');
    await page.getByTestId('return-confirm').click();
    await page.getByTestId('return-done').waitFor();
    await page.getByTestId('return-close').click();
    await expect.poll(async () => (await f.deps.db.select().from(returnRefunds).where(and(eq(returnRefunds.chainId, f.chainId), eq(returnRefunds.tender, 'stored_value')))).length, { timeout: 60_000 }).toBe(1);
    const [svRefund] = await f.deps.db.select().from(returnRefunds).where(and(eq(returnRefunds.chainId, f.chainId), eq(returnRefunds.tender, 'stored_value')));
    expect(svRefund!.amountMinor).toBeGreaterThan(0);
    const credited = (await accountEntries()).filter((e) => e.kind === 'refund' && e.paymentId === svRefund!.id);
    expect(credited.map((e) => e.amountMinor)).toEqual([svRefund!.amountMinor]);
    const takenBack = await f.deps.db.select().from(pointsEntries).where(and(eq(pointsEntries.chainId, f.chainId), eq(pointsEntries.kind, 'earn_reversal')));
    expect(takenBack.length).toBe(1);
    expect(takenBack[0]!.points).toBeLessThan(0);
    const refundedToCard = svRefund!.amountMinor;

    // Reported lost at this till, under a manager's key.
    await page.keyboard.press('F12');
    await page.getByTestId('card-desk-card').fill(CARD);
    await expect.poll(() => page.getByTestId('card-desk-lost').isEnabled()).toBe(true);
    await page.getByTestId('card-desk-lost').click();
    await managerIfAsked();
    await expect.poll(() => page.getByTestId('card-desk-outcome').getAttribute('data-kind'), { timeout: 15_000 }).toBe('lost');
    await page.getByTestId('card-desk-enquire').click();
    await expect.poll(() => page.getByTestId('card-desk-problem').textContent(), { timeout: 10_000 }).toContain('reported lost');
    await snap('till-card-lost');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByTestId('card-desk-close').click();

    // Replaced at another store's till: the new card holds what the old one did.
    const other = await pairTill(f, 'S004');
    const replaced = await f.app.request('/members/cards/replacement', json({ cardNo: CARD, newCardNo: NEW_CARD }, other.deviceToken));
    expect(replaced.status).toBe(200);
    expect(MemberCard.parse(await replaced.json())).toMatchObject({ cardNo: NEW_CARD, status: 'active' });
    await page.keyboard.press('F12');
    await page.getByTestId('card-desk-card').fill(NEW_CARD);
    expect(await deskBalance()).toBe(before + 55_000 - 300 + refundedToCard);
    await snap('till-card-replaced');
    const points = Number((await page.getByTestId('card-desk-points').textContent())!.match(/^\d+/)![0]);
    expect(points).toBeGreaterThan(0);
    await page.getByTestId('card-desk-close').click();

    // The points the first sale earned pay part of the next, on the new card.
    await scanToLines(page, f.catalog[2]!.barcode, 1);
    await page.keyboard.press('F3');
    await page.getByTestId('member-code-input').fill(NEW_CARD);
    await page.getByTestId('member-code-input').press('Enter');
    await page.getByTestId('member-found').waitFor({ timeout: 10_000 });
    await page.getByTestId('member-code-input').press('Enter');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('member-pay-points').textContent(), { timeout: 10_000 }).toContain(`${points}`);
    await snap('till-points-pay');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByTestId('member-pay-submit').click();
    await expect.poll(() => page.locator('[data-testid="payment-row"][data-tender="points"]').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(2);
    const redeemed = await f.deps.db.select().from(pointsEntries).where(and(eq(pointsEntries.chainId, f.chainId), eq(pointsEntries.kind, 'redeem')));
    expect(redeemed.map((e) => e.points)).toEqual([-points]);

    // The same desk in Chinese, as the cashier may choose.
    await page.getByTestId('language-switch').click();
    await page.keyboard.press('F12');
    await page.getByTestId('card-desk-card').fill(NEW_CARD);
    await page.getByTestId('card-desk-enquire').click();
    await expect.poll(() => page.getByTestId('card-desk-outcome').textContent(), { timeout: 10_000 }).toContain('储值余额');
    await snap('till-card-desk-zh');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByTestId('card-desk-close').click();

    const verified = await verifyLedgers(f.deps.db);
    expect(verified.ledgers.flatMap((l) => l.differences)).toEqual([]);
    expect(verified.ok).toBe(true);
  }, 240_000);

  it('takes stored value offline within the chain’s allowance, refuses beyond it, and HQ debits it once when the till is back', async () => {
    await harness.withHqStopped(async () => {
      await scanToLines(page, f.catalog[3]!.barcode, 1);
      await scanToLines(page, f.catalog[4]!.barcode, 2);
      await page.keyboard.press('PageUp');
      await page.locator('[data-testid="member-pay-dialog"][open]').waitFor();
      await page.getByTestId('member-pay-card').fill(NEW_CARD);
      await page.getByTestId('member-pay-amount').fill('4.00');
      await page.getByTestId('member-pay-submit').click();
      await expect.poll(() => page.getByTestId('member-pay-problem').textContent(), { timeout: 30_000 }).toContain('¥3.00');
      await snap('till-stored-value-offline');
      expect(await seriousAccessibilityFindings(page)).toEqual([]);
      await page.getByTestId('member-pay-amount').fill('2.00');
      await page.getByTestId('member-pay-submit').click();
      await expect.poll(() => page.locator('[data-testid="payment-row"][data-tender="stored_value"]').count(), { timeout: 30_000 }).toBe(1);
      await page.getByTestId('tender-exact').click();
      await page.getByTestId('complete-button').click();
      await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    });
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(3);
    const offlineSale = (await tillStoreSales(f)).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime()).at(-1)!;
    const [paid] = await f.deps.db.select().from(salePayments).where(and(eq(salePayments.chainId, f.chainId), eq(salePayments.saleId, offlineSale.id), eq(salePayments.tender, 'stored_value')));
    const debits = (await accountEntries()).filter((e) => e.paymentId === paid!.id);
    expect(debits.map((e) => [e.kind, e.amountMinor])).toEqual([['spend', -200]]);
    expect((await verifyLedgers(f.deps.db)).ok).toBe(true);
  }, 240_000);
});
