import { describe, expect, it } from 'vitest';
import { ManualDiscount, compileRules, minor, priceBasket } from '@pos/shared';
import { discountReason, parseDiscount } from './manual-discount';

const line = minor(3500);

describe('parseDiscount', () => {
  it('reads a percentage in basis points and works out what it takes off', () => {
    expect(parseDiscount('10', 'percent', line, 2)).toEqual({ ok: true, draft: { kind: 'percent', value: 1000, offMinor: 350 } });
    expect(parseDiscount(' 12.5 ', 'percent', line, 2)).toEqual({ ok: true, draft: { kind: 'percent', value: 1250, offMinor: 438 } });
    expect(parseDiscount('12,5', 'percent', line, 2)).toMatchObject({ ok: true, draft: { value: 1250 } });
    expect(parseDiscount('100', 'percent', line, 2)).toMatchObject({ ok: true, draft: { value: 10_000, offMinor: 3500 } });
  });

  it('refuses a percentage with two decimals, or outside 0 to 100', () => {
    expect(parseDiscount('12.55', 'percent', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_PERCENT_INVALID' });
    expect(parseDiscount('-5', 'percent', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_PERCENT_INVALID' });
    expect(parseDiscount('0', 'percent', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_PERCENT_RANGE' });
    expect(parseDiscount('100.1', 'percent', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_PERCENT_RANGE' });
  });

  it('refuses a percentage that rounds to nothing', () => {
    expect(parseDiscount('0.1', 'percent', minor(4), 2)).toEqual({ ok: false, code: 'DISCOUNT_TOO_SMALL' });
  });

  it('reads an amount in the currency’s minor units', () => {
    expect(parseDiscount('5', 'amount', line, 2)).toEqual({ ok: true, draft: { kind: 'amount', value: 500, offMinor: 500 } });
    expect(parseDiscount('5.5', 'amount', line, 2)).toMatchObject({ ok: true, draft: { value: 550 } });
    expect(parseDiscount('500', 'amount', minor(3500), 0)).toMatchObject({ ok: true, draft: { value: 500 } });
  });

  it('takes an amount up to the whole target and no more', () => {
    expect(parseDiscount('35', 'amount', line, 2)).toMatchObject({ ok: true, draft: { offMinor: 3500 } });
    expect(parseDiscount('35.01', 'amount', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_AMOUNT_OVER' });
  });

  it('refuses an amount that is not one, or not above zero', () => {
    for (const text of ['abc', '5.555', '0', '0.00', '-5']) expect(parseDiscount(text, 'amount', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_AMOUNT_INVALID' });
    expect(parseDiscount('5.5', 'amount', line, 0)).toEqual({ ok: false, code: 'DISCOUNT_AMOUNT_INVALID' });
  });

  it('asks for a value, and says so first when the target already costs nothing', () => {
    expect(parseDiscount('  ', 'percent', line, 2)).toEqual({ ok: false, code: 'DISCOUNT_VALUE_MISSING' });
    expect(parseDiscount('', 'amount', minor(0), 2)).toEqual({ ok: false, code: 'DISCOUNT_TARGET_FREE' });
    expect(parseDiscount('10', 'percent', minor(0), 2)).toEqual({ ok: false, code: 'DISCOUNT_TARGET_FREE' });
  });

  it('shows what the engine then takes off for the same discount', () => {
    const parsed = parseDiscount('33.3', 'percent', minor(999), 2);
    if (!parsed.ok) throw new Error(parsed.code);
    const lines = [{ lineId: 'l1', productId: 'p1', quantity: 1, unitPriceMinor: minor(999), categoryId: null, ancestorCategoryIds: [], brandId: null, clerkId: null, weightGrams: null }];
    const manualDiscounts = [{ id: 'd1', lineId: 'l1', kind: parsed.draft.kind, value: parsed.draft.value, enteredBy: 'c1', reason: null }];
    const context = { storeId: 's1', instant: '2025-03-01T10:00:00.000Z', timeZone: 'Asia/Shanghai', member: null, vouchers: [], manualDiscounts, rounding: { unitMinor: 1, mode: 'half_up' } as const };
    expect(priceBasket({ lines }, context, compileRules([])).discountMinor).toBe(parsed.draft.offMinor);
  });
});

describe('discountReason', () => {
  it('writes a quick reason in both languages', () => {
    expect(discountReason('damaged', '')).toBe('破损 Damaged');
    expect(discountReason('near_expiry', '  ')).toBe('临期 Near expiry');
  });

  it('adds the note, or keeps the note alone', () => {
    expect(discountReason('regular_customer', ' dented tin ')).toBe('老顾客 Regular customer · dented tin');
    expect(discountReason(null, '包装破损')).toBe('包装破损');
  });

  it('records no reason when none was given, and never one longer than a sale takes', () => {
    expect(discountReason(null, ' ')).toBeNull();
    const long = discountReason('damaged', 'x'.repeat(200));
    expect(long).toHaveLength(120);
    const discount = { id: 'd1', lineId: null, kind: 'amount', value: 100, enteredBy: 'c1', reason: long };
    expect(ManualDiscount.safeParse(discount).success).toBe(true);
  });
});
