import { memberMessages } from '@pos/hq-server/member-messages/member-messages.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const list = '[data-testid=member-analysis-members] .ant-table-row';

describe('a message to the analysed members (群发)', () => {
  it('HQ writes one message to the members in the list, sees it as they will, queues it once, and finds it among the messages', async () => {
    const { db } = suite.f.deps;
    const reachable = await db.$count(members, and(eq(members.chainId, suite.f.chainId), eq(members.active, true), eq(members.consentToMessages, true), isNotNull(members.phone), ne(members.phone, '')));
    expect(reachable).toBeGreaterThan(0);
    const page = await suite.open({ email: 'hq@demo.pos', locale: 'en', hash: '#/office/member-analysis' });
    await page.locator(list).first().waitFor();
    await page.getByTestId('member-analysis-message').click();
    const dialog = page.getByRole('dialog', { name: 'Message the members in the list' });
    await dialog.waitFor();
    await dialog.locator('#member-campaign-text').fill('Members’ weekend: the second drink at half price');
    await expect.poll(() => page.getByTestId('member-campaign-preview').innerText()).toMatch(/^【.+】Members’ weekend: the second drink at half price。拒收请回复R$/);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'member-campaign-en-hq');

    await dialog.getByRole('button', { name: /^Queue for/ }).click();
    await page.getByTestId('member-campaign-done').waitFor();
    expect(await page.getByTestId('member-campaign-done').innerText()).toContain(`${reachable} messages queued`);
    const queued = await db.select().from(memberMessages).where(and(eq(memberMessages.chainId, suite.f.chainId), eq(memberMessages.kind, 'campaign')));
    expect(queued).toHaveLength(reachable);
    expect(new Set(queued.map((m) => m.text)).size).toBe(1);

    await page.getByRole('link', { name: 'See the messages' }).click();
    await page.locator('[data-testid=member-messages-table] .ant-table-row', { hasText: 'Members’ weekend' }).first().waitFor();
    expect(await page.locator('[data-testid=member-messages-table] .ant-table-row', { hasText: 'Members’ weekend' }).first().innerText()).toContain('Campaign');
  });

  it('shows the dialog in Chinese, and not to a franchisee', async () => {
    const page = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/member-analysis' });
    await page.locator(list).first().waitFor();
    await page.getByTestId('member-analysis-message').click();
    const dialog = page.getByRole('dialog', { name: '向列表中的会员群发短信' });
    await dialog.locator('#member-campaign-text').fill('本周末会员日，饮品第二件半价');
    await page.getByTestId('member-campaign-preview').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'member-campaign-zh-hq');

    const franchisee = await suite.open({ email: 'east@demo.pos', locale: 'en', hash: '#/office/member-analysis' });
    await franchisee.locator('[data-testid=member-analysis-members]').waitFor();
    await franchisee.getByTestId('member-analysis-export-xlsx').waitFor();
    expect(await franchisee.getByTestId('member-analysis-message').count()).toBe(0);
  });
});
