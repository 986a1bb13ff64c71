import { describe, expect, it } from 'vitest';
import { minor } from '@pos/shared';
import { messagesEn } from './messages-en';
import { messagesZh } from './messages-zh';
import { officeMessagesEn } from './office-messages-en';
import { officeMessagesZh } from './office-messages-zh';
import { addMessages, errorText, formatMoney, translate } from './translate';

describe('translate', () => {
  it('fills named parameters', () => {
    expect(translate('en', 'sell.items', { count: 3 })).toBe('3 items');
    expect(translate('zh-CN', 'sell.items', { count: 3 })).toBe('共 3 件');
  });

  it('uses the same parameters in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messagesEn) as (keyof typeof messagesEn)[]) expect(names(messagesZh[key])).toEqual(names(messagesEn[key]));
    for (const key of Object.keys(officeMessagesEn) as (keyof typeof officeMessagesEn)[]) expect(names(officeMessagesZh[key])).toEqual(names(officeMessagesEn[key]));
  });

  it('knows the back office text once the office has added it', () => {
    expect(translate('en', 'office.title')).toBe('office.title');
    addMessages('en', officeMessagesEn);
    expect(translate('en', 'office.title')).toBe('Back office');
  });

  it('turns error codes into words, and names an unknown code', () => {
    expect(errorText('en', 'CLERK_LOCKED', { retryAfterSeconds: 130 })).toContain('2 min 10 s');
    expect(errorText('zh-CN', 'PIN_INVALID')).toBe('工号或密码错误。');
    expect(errorText('en', 'SOMETHING_NEW')).toBe('Something went wrong (SOMETHING_NEW).');
  });
});

describe('formatMoney', () => {
  it('shows minor units with the currency symbol and its decimals', () => {
    expect(formatMoney(minor(123456), 'CNY')).toBe('¥1234.56');
    expect(formatMoney(minor(-5), 'CNY')).toBe('-¥0.05');
    expect(formatMoney(minor(500), 'JPY')).toBe('¥500');
  });
});
