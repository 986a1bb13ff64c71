import { PointsRuleList, PointsSettings } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
let page: Page;

async function openPointsRules(locale: 'en' | 'zh-CN') {
  page = await suite.open({ email: 'hq@demo.pos', locale, hash: '#/office/points-rules' });
  await page.locator('[data-testid=points-rules] .ant-table-row').first().waitFor();
  await page.locator('#points-rate').waitFor();
}
const shoot = (name: string) => saveShot(page, name);

describe('the points rules screen', () => {
  it.each(['en', 'zh-CN'] as const)('shows the demo chain’s rules and settings without serious accessibility findings in %s', async (locale) => {
    await openPointsRules(locale);
    expect(await page.locator('[data-testid=points-rules] .ant-table-row').count()).toBe(3);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot(`${locale}-points-rules`);
    await page.getByTestId('points-rule-new').click();
    await page.locator('#rule-name').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot(`${locale}-points-rule-new`);
  });

  it('adds a rule and saves the redemption rate through HQ', async () => {
    await openPointsRules('en');
    await page.getByTestId('points-rule-new').click();
    await page.fill('#rule-name', 'Weekend triple');
    await page.fill('#rule-rate', '3');
    await page.fill('#rule-from', '2026-12-01');
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.locator('[data-testid=points-rules] .ant-table-row', { hasText: 'Weekend triple' }).waitFor();
    const rules = await suite.hqGet('/points/rules', PointsRuleList);
    expect(rules.items.find((r) => r.name === 'Weekend triple')).toMatchObject({ rateBp: 30_000, validFrom: '2026-12-01', validTo: null, memberLevelId: null, categoryId: null });
    await page.fill('#points-rate', '200');
    const saved = page.waitForResponse((res) => res.url().endsWith('/points/settings') && res.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save' }).first().click();
    expect((await saved).status()).toBe(200);
    expect(await suite.hqGet('/points/settings', PointsSettings)).toEqual({ redeemPointsPerYuan: 200, expiry: { kind: 'end_of_year' } });
  });
});
