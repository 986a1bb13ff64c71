import { describe, expect, it } from 'vitest';
import { minor } from '@pos/shared';
import { addItem, basketTotal, changeQuantity, emptyBasket, itemCount, lineClerks, moveSelection, removeLine, setLineClerks, type ScannedItem } from './basket';

const noFacts = { categoryId: null, ancestorCategoryIds: [], brandId: null };
const cola: ScannedItem = { productId: 'p-cola', barcode: '6901234567892', nameZh: '可乐', nameEn: 'Cola', unitPriceMinor: minor(350), ...noFacts };
const chips: ScannedItem = { productId: 'p-chips', barcode: '6901234567908', nameZh: '薯片', nameEn: 'Crisps', unitPriceMinor: minor(699), ...noFacts };
const t0 = '2025-03-01T10:00:00.000Z';
const t1 = '2025-03-01T10:00:05.000Z';

describe('basket', () => {
  it('adds one to the line when the same product is scanned again', () => {
    const basket = addItem(addItem(emptyBasket, cola, 'l1', t0), cola, 'l2', t1);
    expect(basket.lines).toHaveLength(1);
    expect(basket.lines[0]!.quantity).toBe(2);
    expect(basket.startedAt).toBe(t0);
  });

  it('adds the same product for another sales clerk as a line of its own, and one more for the same clerk to theirs', () => {
    const ann = [{ clerkId: 'c-ann', shareBp: 10_000 }];
    const shared = [{ clerkId: 'c-ann', shareBp: 6000 }, { clerkId: 'c-bob', shareBp: 4000 }];
    let basket = addItem(emptyBasket, cola, 'l1', t0);
    basket = addItem(basket, { ...cola, clerkShares: ann }, 'l2', t1);
    basket = addItem(basket, { ...cola, clerkShares: ann.map((s) => ({ ...s })) }, 'l3', t1);
    basket = addItem(basket, { ...cola, clerkShares: shared }, 'l4', t1);
    basket = addItem(basket, { ...cola, clerkShares: [] }, 'l5', t1);
    expect(basket.lines.map((l) => [l.id, l.quantity, lineClerks(l)])).toEqual([['l1', 2, []], ['l2', 2, ann], ['l4', 1, shared]]);
  });

  it('credits one line to other clerks, or back to the cashier, leaving the others as they were', () => {
    const shared = [{ clerkId: 'c-ann', shareBp: 7000 }, { clerkId: 'c-bob', shareBp: 3000 }];
    const basket = addItem(addItem(emptyBasket, cola, 'l1', t0), chips, 'l2', t1);
    const credited = setLineClerks(basket, 'l1', shared);
    expect(credited.lines.map(lineClerks)).toEqual([shared, []]);
    expect(credited.selectedId).toBe('l2');
    expect(setLineClerks(credited, 'l1', []).lines.map(lineClerks)).toEqual([[], []]);
  });

  it('totals unit price times quantity over every line', () => {
    let basket = addItem(addItem(emptyBasket, cola, 'l1', t0), chips, 'l2', t1);
    basket = changeQuantity(basket, 'l1', 2);
    expect(basketTotal(basket)).toBe(3 * 350 + 699);
    expect(itemCount(basket)).toBe(4);
  });

  it('never lets a quantity fall below one', () => {
    const basket = changeQuantity(addItem(emptyBasket, cola, 'l1', t0), 'l1', -5);
    expect(basket.lines[0]!.quantity).toBe(1);
  });

  it('selects the neighbour of a removed line and empties fully when the last goes', () => {
    let basket = addItem(addItem(emptyBasket, cola, 'l1', t0), chips, 'l2', t1);
    basket = removeLine(basket, 'l2');
    expect(basket.selectedId).toBe('l1');
    expect(removeLine(basket, 'l1')).toEqual(emptyBasket);
  });

  it('moves the selection within the list', () => {
    const basket = addItem(addItem(emptyBasket, cola, 'l1', t0), chips, 'l2', t1);
    expect(moveSelection(basket, -1).selectedId).toBe('l1');
    expect(moveSelection(moveSelection(basket, -1), -1).selectedId).toBe('l1');
    expect(moveSelection(basket, 1).selectedId).toBe('l2');
  });
});
