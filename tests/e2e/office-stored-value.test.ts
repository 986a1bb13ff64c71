import { MembershipSettings, StoredValueAdjustmentList } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { json, signInOffice } from '../support/fixture';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const reason = 'Top-up at S001 paid twice by the customer';

const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, .ant-popover:not(.ant-popover-hidden), .ant-message-notice').length === 0);

async function openMember(page: Page, name: string) {
  await page.locator('#member-search').fill(name);
  await page.locator('[data-testid=members-table] a', { hasText: name }).first().click();
  await page.locator('[data-testid=ledger-stored-value] .ant-table-row').first().waitFor();
}

const balanceOf = async (page: Page) => (await page.locator('[data-testid=member-balance]').textContent()) ?? '';

describe('stored-value adjustments in the office', () => {
  it('HQ asks for an adjustment above the threshold, a second HQ user approves it, the balance and ledger follow, and the settings save', async () => {
    const hq = await suite.open({ email: 'hq@demo.pos', locale: 'en', hash: '#/office/members' });
    await openMember(hq, '王小明');
    const before = await balanceOf(hq);
    expect(before).toMatch(/¥[\d,]+\.\d\d/);
    expect(await hq.locator('[data-testid=ledger-stored-value] .ant-table-row').count()).toBeGreaterThanOrEqual(2);
    expect(await hq.locator('[data-testid=ledger-stored-value]').innerText()).toContain('Top-up');
    await hq.getByRole('tab', { name: 'Points' }).click();
    // The demo's showcase members earn points from the sales history, which this chain is seeded without.
    expect(await hq.locator('[data-testid=ledger-points-balance]').innerText()).toBe('Points 0');
    expect(await hq.locator('[data-testid=ledger-points]').innerText()).toContain('No entries');
    await hq.getByRole('tab', { name: 'Stored value' }).click();

    await hq.click('[data-testid=adjustment-new]');
    await hq.locator('#adjustment-amount').fill('600');
    await hq.locator('#adjustment-reason').fill(reason);
    expect(await hq.locator('.ant-modal').innerText()).toContain('Above ¥500.00');
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await saveShot(hq, 'journey-en-adjustment-request');
    await hq.getByRole('button', { name: 'Ask for the adjustment' }).click();
    await hq.getByText('waiting for a second HQ user’s approval').first().waitFor();
    await hq.locator('[data-testid=member-pending-adjustments]', { hasText: reason }).waitFor();
    expect(await balanceOf(hq)).toBe(before);
    await settled(hq);
    await saveShot(hq, 'journey-en-member-pending');

    await hq.goto(`${suite.hq.url}/#/office/adjustments`);
    const mine = hq.locator('[data-testid=adjustments-table] .ant-table-row', { hasText: reason });
    await mine.waitFor();
    expect(await mine.locator('[data-testid=adjustment-own]').innerText()).toBe('Your request: another HQ user decides');
    expect(await mine.locator('[data-testid=adjustment-approve]').count()).toBe(0);
    const pending = await suite.hqGet('/stored-value/adjustments?status=pending&limit=100', StoredValueAdjustmentList);
    const asked = pending.items.find((a) => a.reason === reason)!;
    expect(asked).toMatchObject({ amountMinor: 60_000, memberName: '王小明', requestedByName: '总部管理员 HQ Admin' });
    const ownApproval = await suite.f.app.request(`/stored-value/adjustments/${asked.id}/approve`, json({}, await signInOffice(suite.f, 'hq@demo.pos')));
    expect(ownApproval.status).toBe(403);
    await saveShot(hq, 'journey-en-adjustments-own');

    const finance = await suite.open({ email: 'finance@demo.pos', locale: 'zh-CN', hash: '#/office/adjustments' });
    const waiting = finance.locator('[data-testid=adjustments-table] .ant-table-row', { hasText: reason });
    await waiting.waitFor();
    expect(await waiting.locator('[data-testid=adjustment-status]').innerText()).toBe('待审批');
    expect(await seriousAccessibilityFindings(finance)).toEqual([]);
    await saveShot(finance, 'journey-zh-adjustments-pending');
    await waiting.locator('[data-testid=adjustment-approve]').click();
    await finance.locator('.ant-popconfirm .ant-btn-primary').click();
    await finance.getByText('调账已通过并入账').first().waitFor();
    await waiting.waitFor({ state: 'detached' });
    await finance.getByText('已通过', { exact: true }).first().click();
    const approved = finance.locator('[data-testid=adjustments-table] .ant-table-row', { hasText: reason });
    await approved.waitFor();
    expect(await approved.innerText()).toContain('财务 Finance');
    await settled(finance);
    await saveShot(finance, 'journey-zh-adjustments-approved');

    await hq.goto(`${suite.hq.url}/#/office/members`);
    await hq.reload();
    await openMember(hq, '王小明');
    const toMinor = (text: string) => Number(text.replace(/[^\d]/g, ''));
    await expect.poll(async () => toMinor(await balanceOf(hq))).toBe(toMinor(before) + 60_000);
    const newest = hq.locator('[data-testid=ledger-stored-value] .ant-table-row').first();
    expect(await newest.innerText()).toMatch(/Adjustment[\s\S]*¥600\.00[\s\S]*HQ[\s\S]*Top-up at S001 paid twice/);
    expect(await hq.locator('[data-testid=member-pending-adjustments]').count()).toBe(0);
    await settled(hq);
    await saveShot(hq, 'journey-en-member-ledger-after');

    await hq.goto(`${suite.hq.url}/#/office/membership-settings`);
    await hq.locator('#ms-approval').waitFor();
    await hq.locator('#ms-approval').fill('1000');
    await hq.locator('#ms-offline-card').fill('200');
    await hq.locator('#ms-offline-till').fill('2000');
    await hq.getByText('First, before the member’s own money').click();
    await hq.click('[data-testid=membership-settings-save]');
    await hq.getByText('Membership settings saved').first().waitFor();
    expect(await suite.hqGet('/settings/membership', MembershipSettings)).toMatchObject({
      adjustmentApprovalAboveMinor: 100_000, offlineCardAllowanceMinor: 20_000, offlineTillAllowanceMinor: 200_000, bonusSpentFirst: true, pinMaxTries: 5,
    });
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await settled(hq);
    await saveShot(hq, 'journey-en-membership-settings');
  });
});
