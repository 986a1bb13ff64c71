import { topUpRules } from '@pos/hq-server/stored-value/stored-value.tables';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();

describe('the office’s top-up rules', () => {
  it.each(['en', 'zh-CN'] as const)('lists the demo rule, adds one through the editor and passes axe (%s)', async (locale) => {
    const page = await suite.open({ email: 'hq@demo.pos', locale, hash: '#/office/top-up-rules' });
    const rows = page.locator('[data-testid=top-up-rules-screen] .ant-table-tbody tr:not(.ant-table-measure-row)');
    await rows.first().waitFor();
    await expect.poll(() => rows.first().innerText()).toContain('充500送50');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, `${locale}-top-up-rules`);

    await page.click('[data-testid=top-up-rule-new]');
    await page.fill('#rule-name', `充1000送150 ${locale}`);
    const amounts = page.locator('.ant-modal .office-number-input input');
    await amounts.nth(0).fill('1000');
    await amounts.nth(1).fill('150');
    await page.fill('#rule-starts', '2026-12-01');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, `${locale}-top-up-rule-editor`);
    await page.click('.ant-modal .ant-btn-primary');
    await expect.poll(() => page.locator('[data-testid=top-up-rules-screen]').innerText()).toContain(`充1000送150 ${locale}`);
    const saved = (await suite.f.deps.db.select().from(topUpRules)).find((r) => r.name === `充1000送150 ${locale}`);
    expect(saved).toMatchObject({ minTopUpMinor: 100_000, bonusMinor: 15_000, startsOn: '2026-12-01', endsOn: null, active: true });
  });
});
