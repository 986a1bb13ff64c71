import { describe, expect, it } from 'vitest';
import { readPriceForm, type PriceFormValues } from './price-form';

const product = '0193a6d2-7c1e-7a00-8000-000000000001';
const store = '0193a6d2-7c1e-7a00-8000-000000000002';
const now = new Date('2026-11-22T08:00:00Z');
const base: PriceFormValues = { productId: product, kind: 'retail', storeId: '', memberLevelId: '', amount: '12.90', when: 'now', effectiveAt: '' };

describe('price form', () => {
  it('sets a chain price now, in minor units', () => {
    expect(readPriceForm(base, now)).toEqual({
      ok: true,
      body: { productId: product, storeId: null, kind: 'retail', memberLevelId: null, amountMinor: 1290, effectiveFrom: null },
    });
  });

  it('schedules a store price for a future instant', () => {
    const result = readPriceForm({ ...base, storeId: store, when: 'scheduled', effectiveAt: '2026-12-01T00:00:00Z' }, now);
    expect(result).toMatchObject({ ok: true, body: { storeId: store, effectiveFrom: '2026-12-01T00:00:00.000Z' } });
  });

  it('refuses an amount that is not money and a schedule in the past', () => {
    expect(readPriceForm({ ...base, amount: '12.345' }, now)).toEqual({ ok: false, errors: { amount: 'amount' } });
    expect(readPriceForm({ ...base, amount: '-1' }, now)).toEqual({ ok: false, errors: { amount: 'amount' } });
    expect(readPriceForm({ ...base, when: 'scheduled', effectiveAt: '2026-11-01T00:00' }, now)).toEqual({ ok: false, errors: { effectiveAt: 'past' } });
    expect(readPriceForm({ ...base, when: 'scheduled', effectiveAt: '' }, now)).toEqual({ ok: false, errors: { effectiveAt: 'required' } });
  });

  it('names a member level only for a member price', () => {
    const level = '0193a6d2-7c1e-7a00-8000-000000000003';
    expect(readPriceForm({ ...base, kind: 'retail', memberLevelId: level }, now)).toMatchObject({ ok: true, body: { memberLevelId: null } });
    expect(readPriceForm({ ...base, kind: 'member', memberLevelId: level }, now)).toMatchObject({ ok: true, body: { memberLevelId: level } });
  });
});
