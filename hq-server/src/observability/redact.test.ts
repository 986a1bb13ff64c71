import { describe, expect, it } from 'vitest';
import { redact, redactText } from './redact';

describe('redact', () => {
  it('replaces whole any field named like a PIN, password, token or card number, at any depth', () => {
    const body = { clerkCode: '0011', pin: '1234', newPin: '5678', password: 'demo1234', deviceToken: 'dev.x', cardNo: '888800018', nested: [{ pairing_code: '12345678', authorization: 'Bearer x' }] };
    expect(redact(body)).toEqual({
      clerkCode: '0011', pin: '[redacted]', newPin: '[redacted]', password: '[redacted]', deviceToken: '[redacted]', cardNo: '[redacted]',
      nested: [{ pairing_code: '[redacted]', authorization: '[redacted]' }],
    });
  });

  it('masks tokens, bearer credentials, URL passwords and card or phone numbers inside text', () => {
    const token = `dev.0195505c-0000-7000-8000-0000000000b1.${'A'.repeat(43)}`;
    expect(redactText(`pushed with ${token}`)).toBe('pushed with [redacted]');
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('postgres://hq:s3cret@db:5432/pos')).toBe('postgres://hq:[redacted]@db:5432/pos');
    expect(redactText('card 6222021234567890123 paid')).toBe('card ***************0123 paid');
    expect(redactText('card 6222 0212 3456 7890 paid')).toBe('card **** **** **** 7890 paid');
    expect(redactText('member 888800018, phone 13812345678')).toBe('member *****0018, phone *******5678');
  });

  it('leaves ids, dates, amounts and short numbers as they are', () => {
    const text = 'sale 0195505c-0000-7000-8000-000000000123 on 2026-11-22T04:00:00Z for 12500 fen, S001 till 2';
    expect(redactText(text)).toBe(text);
  });

  it('keeps an error’s message and stack, masked', () => {
    const error = new Error('login for postgres://hq:pw@db/pos failed');
    expect(redact(error)).toMatchObject({ name: 'Error', message: 'login for postgres://hq:[redacted]@db/pos failed' });
  });
});
