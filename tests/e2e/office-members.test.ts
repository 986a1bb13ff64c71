import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { MemberList } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { bearer, signInOffice } from '../support/fixture';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
let page: Page;

const signIn = async (locale: 'en' | 'zh-CN', hash: string, email = 's001@demo.pos') => {
  page = await suite.open({ email, locale, hash, viewport: { width: 1366, height: 900 } });
};
const shoot = (name: string) => saveShot(page, name);

const settled = () => page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, .ant-popover:not(.ant-popover-hidden), .ant-message-notice').length === 0);

async function confirm(button: string) {
  await page.locator('[data-testid=member-cards] .ant-table-row').filter({ has: page.locator('[data-testid=card-status]', { hasText: 'Active' }) }).locator(`[data-testid=${button}]`).click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
}

describe('the office member screens', () => {
  it('a store manager finds a member, reports the card lost, replaces it, and the balance follows the member', async () => {
    await signIn('en', '#/office/members');
    await page.locator('[data-testid=members-table] .ant-table-row').first().waitFor();
    await settled();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('en-members');
    await page.locator('#member-search').fill('孙丽华');
    await page.locator('[data-testid=members-table] a', { hasText: '孙丽华' }).click();
    await page.locator('[data-testid=member-detail]').waitFor();
    await settled();
    expect(await page.locator('[data-testid=member-balance]').textContent()).toContain('300.00');
    expect(await page.locator('[data-testid=card-status]').allTextContents()).toEqual(['Replaced', 'Active']);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('en-member-detail');

    await confirm('card-lost');
    await page.locator('[data-testid=card-status]', { hasText: 'Lost' }).waitFor();
    const lookup = await suite.f.app.request(`/members/lookup?code=${demoCardNo(905)}`, bearer(await signInOffice(suite.f, 's001@demo.pos')));
    expect(lookup.status).toBe(423);

    await page.locator('[data-testid=member-cards] .ant-table-row').filter({ has: page.locator('[data-testid=card-status]', { hasText: 'Lost' }) }).locator('[data-testid=card-replace]').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('[data-testid=card-status]', { hasText: 'Active' }).waitFor();
    expect(await page.locator('[data-testid=card-status]').allTextContents()).toEqual(['Replaced', 'Replaced', 'Active']);
    expect(await page.locator('[data-testid=member-balance]').textContent()).toContain('300.00');
    await settled();
    await shoot('en-member-replaced');

    const found = MemberList.parse(await (await suite.f.app.request(`/members?q=${encodeURIComponent('孙丽华')}`, bearer(await signInOffice(suite.f, 'hq@demo.pos')))).json());
    const newCard = found.items[0]!.cardNo!;
    expect(newCard).not.toBe(demoCardNo(905));
    expect((await suite.f.app.request(`/members/lookup?code=${newCard}`, bearer(await signInOffice(suite.f, 's001@demo.pos')))).status).toBe(200);
  });

  it('shows the member screens in Chinese without serious accessibility findings', async () => {
    await signIn('zh-CN', '#/office/members');
    await page.locator('[data-testid=members-table] .ant-table-row').first().waitFor();
    await settled();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('zh-members');
    await page.locator('#member-search').fill('赵建国');
    await page.locator('[data-testid=members-table] a', { hasText: '赵建国' }).click();
    await page.locator('[data-testid=member-children]').waitFor();
    await settled();
    expect(await page.locator('[data-testid=member-children] .ant-table-row').count()).toBe(2);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('zh-member-family');
  });

  it('HQ sees the look-alike members to merge, in both languages', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      await signIn(locale, '#/office/member-duplicates', 'hq@demo.pos');
      await page.locator('[data-testid=member-duplicates] .ant-card').first().waitFor();
      await settled();
      expect(await page.locator('[data-testid=member-duplicates]').textContent()).toContain('吴海燕');
      expect(await seriousAccessibilityFindings(page)).toEqual([]);
      await shoot(`${locale}-member-duplicates`);
    }
  });
});
