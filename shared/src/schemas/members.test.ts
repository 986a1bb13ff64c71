import { describe, expect, it } from 'vitest';
import { Birthday, CardNo, MemberCode, MobilePhone, phoneInMemberCode } from './members';

describe('member codes', () => {
  it('compacts what people type to digits and refuses what cannot be a card or a phone', () => {
    expect(MemberCode.parse(' 8888 0001 8 ')).toBe('888800018');
    expect(MemberCode.parse('+86 138-1234-5678')).toBe('8613812345678');
    for (const bad of ['12345', 'A8880001', '1'.repeat(20), '']) expect(MemberCode.safeParse(bad).success).toBe(false);
  });

  it('refuses a card number whose check digit does not match, saying so, but takes a mobile number as it is', () => {
    const mistyped = MemberCode.safeParse('888800019');
    expect(mistyped.success).toBe(false);
    expect(mistyped.error?.issues[0]?.message).toMatch(/check digit/);
    expect(CardNo.safeParse('888800081').success).toBe(false);
    expect(CardNo.safeParse('888800018').success).toBe(true);
    expect(MemberCode.parse('13812345679')).toBe('13812345679');
  });

  it('reads a code as a mobile number only when it is one, with or without 86', () => {
    expect(phoneInMemberCode('13812345678')).toBe('13812345678');
    expect(phoneInMemberCode('8613812345678')).toBe('13812345678');
    expect(phoneInMemberCode('888800018')).toBeNull();
    expect(phoneInMemberCode('12812345678')).toBeNull();
  });

  it('keeps a mobile number as its 11 digits', () => {
    expect(MobilePhone.parse('+86 139 8765 4321')).toBe('13987654321');
    expect(MobilePhone.safeParse('0213456789').success).toBe(false);
  });
});

describe('Birthday', () => {
  it('takes MM-DD and YYYY-MM-DD of days that exist', () => {
    for (const good of ['06-15', '02-29', '1988-06-15', '2000-02-29']) expect(Birthday.safeParse(good).success).toBe(true);
    for (const bad of ['13-01', '04-31', '1999-02-29', '1850-01-01', '6-15', '1988/06/15']) expect(Birthday.safeParse(bad).success).toBe(false);
  });
});
