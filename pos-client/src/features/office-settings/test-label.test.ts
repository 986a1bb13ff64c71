import { ean13CheckDigit, priceCheckDigit } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { readTestLabel } from './test-label';

const weight = { id: 'scale-weight-22', pattern: '22PPPPPVVVVVC', value: 'weight' } as const;
const price = { id: 'scale-price', pattern: '2FPPPPPVVVVVC', value: 'price' } as const;
const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

describe('test a label', () => {
  it('reads a weight label with the first layout that matches, naming its place', () => {
    expect(readTestLabel(withCheck('221000101234'), [weight, price])).toMatchObject({
      kind: 'read', place: 1, label: { layoutId: weight.id, itemCode: '10001', value: 'weight', amount: 1234, flag: null },
    });
    expect(readTestLabel(withCheck('251000101234'), [weight, price])).toMatchObject({
      kind: 'read', place: 2, label: { layoutId: price.id, itemCode: '10001', flag: '5', value: 'price', amount: 1234 },
    });
  });

  it('tells a code no layout reads from one with a wrong check digit, and says which digit fits', () => {
    expect(readTestLabel('6901234567892', [weight, price])).toEqual({ kind: 'noLayout' });
    const good = withCheck('221000101234');
    const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    expect(readTestLabel(wrong, [weight])).toEqual({ kind: 'badCheckDigit', expected: Number(good[12]) });
  });

  it('checks the price check digit of a layout that has one', () => {
    const checked = { id: 'checked', pattern: '21PPPPPXVVVVC', value: 'price' } as const;
    const right = priceCheckDigit('1234');
    expect(readTestLabel(withCheck(`2110001${right}1234`), [checked])).toMatchObject({ kind: 'read', label: { amount: 1234 } });
    expect(readTestLabel(withCheck(`2110001${(right + 1) % 10}1234`), [checked])).toEqual({ kind: 'badPriceCheck' });
  });

  it('waits for 13 digits, and skips layouts still being typed', () => {
    expect(readTestLabel('22100010', [weight])).toEqual({ kind: 'incomplete' });
    expect(readTestLabel(withCheck('221000101234'), [{ ...weight, pattern: '22PP' }, price])).toMatchObject({ kind: 'read', place: 2 });
  });
});
