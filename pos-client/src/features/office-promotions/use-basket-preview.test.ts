import { minor, type Category, type ProductWithPrices } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { cola as product } from '../../db/test-db.fixture';
import { toBasketLine } from './use-basket-preview';

const drinks: Category = { id: '0193a6d2-7c1e-7a00-8000-0000000000d1', parentId: null, code: 'DRK', nameZh: '饮料', nameEn: 'Drinks', sortOrder: 0, active: true };
const soda: Category = { id: '0193a6d2-7c1e-7a00-8000-0000000000d2', parentId: drinks.id, code: 'DRK2', nameZh: '汽水', nameEn: 'Soda', sortOrder: 0, active: true };
const cola: ProductWithPrices = { product: { ...product, categoryId: soda.id }, barcodes: [], prices: [], retailNowMinor: minor(350) };

describe('toBasketLine', () => {
  it('gives the line the categories above its own, so a rule on a parent category reaches it', () => {
    expect(toBasketLine({ item: cola, quantity: 2 }, 0, [drinks, soda])).toMatchObject({ lineId: 'line-1', quantity: 2, categoryId: soda.id, ancestorCategoryIds: [drinks.id] });
  });
});
