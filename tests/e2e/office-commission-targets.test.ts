import { ClerkStatement, CommissionDutyDay, CommissionPeriodOverview, CommissionTargets, CounterList, periodsToCompare } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { chooseOption } from './antd-select';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
/** The demo chain seeds this month open and the month before closed, by its own days (Asia/Shanghai). */
const PERIOD = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).slice(0, 7);
const PREVIOUS = periodsToCompare(PERIOD).previous;
const DAY = `${PERIOD}-01`;

const targetRow = (page: Page, code: string) => page.locator('[data-testid=commission-targets] .ant-table-row', { hasText: code });
const minutesBox = (page: Page, code: string, pool: string) => page.getByRole('spinbutton', { name: new RegExp(`^Minutes of ${code} · .+ in ${pool}$`) });

/** East's targets and duty screen on its first store (S004), at this month, once the targets have arrived. */
async function openTargets(locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await suite.open({ email: 'east@demo.pos', locale, hash: '#/office/commission-targets' });
  await page.locator('#commission-targets-period').fill(PERIOD);
  await expect.poll(() => targetRow(page, '0041').locator('input').inputValue()).not.toBe('');
  return page;
}

describe('commission targets and duty in the office', () => {
  it('sets a clerk’s target, puts a day’s duty, and carries an adjustment of last month into this one', async () => {
    const { f } = suite;
    const store = f.storeIds.S004!;
    const [manager, cashier, clerk] = [f.clerkIds['0041']!, f.clerkIds['0042']!, f.clerkIds['0043']!];
    const before = await suite.hqGet(`/commission/targets?period=${PERIOD}&storeId=${store}`, CommissionTargets);
    const page = await openTargets('en');
    expect(await page.locator('.ant-select:has(#commission-targets-store)').textContent()).toContain('S004');

    // The target: ¥4,567.89 for 0042, the others left as the demo set them.
    await targetRow(page, '0042').locator('input').fill('4567.89');
    await page.getByTestId('commission-targets-save').click();
    await page.getByText('Targets saved').waitFor();
    await page.reload();
    await page.locator('#commission-targets-period').fill(PERIOD);
    await expect.poll(() => targetRow(page, '0042').locator('input').inputValue()).toBe('4567.89');
    const saved = await suite.hqGet(`/commission/targets?period=${PERIOD}&storeId=${store}`, CommissionTargets);
    const amountOf = (targets: CommissionTargets, id: string) => targets.targets.find((t) => t.kind === 'clerk' && t.subjectId === id)?.amountMinor;
    expect(amountOf(saved, cashier)).toBe(456_789);
    expect(amountOf(saved, manager)).toBe(amountOf(before, manager));
    expect(saved.targets).toHaveLength(before.targets.length);

    // The day: 0042 five hours in the store's own pool, 0043 taken off the snacks counter; the rest as the demo had it.
    const [counter] = (await suite.hqGet(`/commission/counters?storeId=${store}`, CounterList)).items;
    const held = await suite.hqGet(`/commission/duty?storeId=${store}&date=${DAY}`, CommissionDutyDay);
    await page.locator('#commission-duty-date').fill(DAY);
    const snacks = `${counter!.code} · ${counter!.name}`;
    await expect.poll(() => minutesBox(page, '0043', snacks).inputValue()).toBe(String(held.entries.find((e) => e.clerkId === clerk && e.poolId === counter!.id)!.minutes));
    await minutesBox(page, '0042', 'Store’s own pool').fill('300');
    await minutesBox(page, '0043', snacks).fill('');
    // 0042's day: the five hours typed and the minutes the demo gave them at the counter, as hours and minutes.
    const atCounter = held.entries.find((e) => e.clerkId === cashier && e.poolId === counter!.id)!.minutes;
    const dayTotal = page.locator('[data-testid=commission-duty] .ant-table-row', { hasText: '0042' }).locator('td').last();
    expect(await dayTotal.textContent()).toBe(`${Math.floor((300 + atCounter) / 60)}:${String((300 + atCounter) % 60).padStart(2, '0')}`);
    await page.getByTestId('commission-duty-save').click();
    await page.getByText('Duty saved').waitFor();
    const expected = [
      ...held.entries.filter((e) => !(e.clerkId === cashier && e.poolId === store) && !(e.clerkId === clerk && e.poolId === counter!.id)),
      { poolId: store, clerkId: cashier, minutes: 300 },
    ];
    const day = await suite.hqGet(`/commission/duty?storeId=${store}&date=${DAY}`, CommissionDutyDay);
    const byPair = (entries: CommissionDutyDay['entries']) => [...entries].sort((a, b) => `${a.poolId}${a.clerkId}`.localeCompare(`${b.poolId}${b.clerkId}`));
    expect(byPair(day.entries)).toEqual(byPair(expected));

    // The adjustment: nothing is sent until the amount is one; then ¥12.34 of last month goes to 0042 this month.
    expect(await page.locator('#adjustment-origin').inputValue()).toBe(PREVIOUS);
    await chooseOption(page, page.locator('.ant-select:has(#adjustment-subject)'), '0042');
    await page.locator('#adjustment-amount').fill('0');
    await page.locator('#adjustment-reason').fill('Sale keyed to the wrong clerk');
    await page.getByTestId('commission-adjustment-save').click();
    await page.getByText('Enter an amount other than zero').waitFor();
    await page.locator('#adjustment-amount').fill('12.34');
    await page.getByTestId('commission-adjustment-save').click();
    await page.getByText('Adjustment recorded').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-commission-targets-journey');

    await page.goto(`${suite.hq.url}/#/office/commission`);
    await page.locator('#commission-period').fill(PERIOD);
    await page.getByTestId('commission-work').click();
    const adjustmentCell = page.locator('[data-testid=commission-clerks] .ant-table-row', { hasText: '0042' }).locator('td').nth(8);
    await expect.poll(() => adjustmentCell.textContent()).toBe('¥12.34');
    const overview = await suite.hqGet(`/commission/periods/${PERIOD}?storeId=${store}`, CommissionPeriodOverview);
    expect(overview.clerks.find((c) => c.clerkId === cashier)).toMatchObject({ adjustmentMinor: 1234, targetMinor: 456_789 });
    const statement = await suite.hqGet(`/commission/periods/${PERIOD}/clerks/${cashier}`, ClerkStatement);
    expect(statement.adjustments).toMatchObject([{ amountMinor: 1234, originPeriod: PREVIOUS, reason: 'Sale keyed to the wrong clerk' }]);
  });

  it.each(['en', 'zh-CN'] as const)('shows targets, duty and the adjustment form without serious accessibility findings in %s', async (locale) => {
    const page = await openTargets(locale);
    await page.locator('[data-testid=commission-duty] .ant-table-row').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, `${locale}-commission-targets`);
  });
});
