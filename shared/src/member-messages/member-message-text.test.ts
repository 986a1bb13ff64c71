import { describe, expect, it } from 'vitest';
import { memberMessageText } from './member-message-text';

describe('memberMessageText', () => {
  it('tells a top-up with its bonus, the store and the balance after it', () => {
    expect(memberMessageText('好邻居', { kind: 'top_up', currency: 'CNY', amountMinor: 50_000, bonusMinor: 5_000, balanceMinor: 55_000, storeName: '人民广场店' }))
      .toBe('【好邻居】您的会员卡于人民广场店充值¥500.00，赠送¥50.00，当前余额¥550.00。');
    expect(memberMessageText('好邻居', { kind: 'top_up', currency: 'CNY', amountMinor: 10_000, bonusMinor: 0, balanceMinor: 10_000, storeName: '陆家嘴店' }))
      .toBe('【好邻居】您的会员卡于陆家嘴店充值¥100.00，当前余额¥100.00。');
  });

  it('tells a spend with the balance left and whom to call when it was not the member', () => {
    expect(memberMessageText('好邻居', { kind: 'spend', currency: 'CNY', amountMinor: 2_350, balanceMinor: 52_650, storeName: '人民广场店' }))
      .toBe('【好邻居】您的会员卡于人民广场店消费¥23.50，当前余额¥526.50。如非本人操作，请致电门店。');
  });

  it('writes the date points are cleared as month and day', () => {
    expect(memberMessageText('好邻居', { kind: 'points_expiring', points: 1_200, expiresOn: '2026-12-31' })).toBe('【好邻居】您有1200积分将于12月31日到期清零，请及时使用。');
  });

  it('lets a member refuse greetings and reminders, but not notices of their money', () => {
    expect(memberMessageText('好邻居', { kind: 'birthday', name: '王小明' })).toMatch(/^【好邻居】亲爱的王小明，.*拒收请回复R$/);
    expect(memberMessageText('好邻居', { kind: 'care_reminder', name: '王小明', months: 6 })).toMatch(/已6个月未到店.*拒收请回复R$/);
    expect(memberMessageText('好邻居', { kind: 'low_balance', currency: 'CNY', balanceMinor: 800 })).toBe('【好邻居】您的会员卡余额为¥8.00，欢迎到店充值。');
  });

  it('sends HQ’s campaign text between the signature and the opt-out, closing a sentence left open', () => {
    const [campaignId, sentBy] = ['01930000-0000-7000-8000-000000000001', '01930000-0000-7000-8000-000000000002'];
    expect(memberMessageText('好邻居', { kind: 'campaign', campaignId, sentBy, text: '本周末会员日，全场饮品第二件半价' })).toBe('【好邻居】本周末会员日，全场饮品第二件半价。拒收请回复R');
    expect(memberMessageText('好邻居', { kind: 'campaign', campaignId, sentBy, text: '新店开业啦！' })).toBe('【好邻居】新店开业啦！拒收请回复R');
  });
});
