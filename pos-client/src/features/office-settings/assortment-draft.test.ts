import { describe, expect, it } from 'vitest';
import { assortmentChanged, assortmentReach, withoutProduct, withProduct } from './assortment-draft';

const a = '0195505c-0000-7000-8000-0000000000a1';
const b = '0195505c-0000-7000-8000-0000000000b2';

describe('store assortment draft', () => {
  it('reads all-but-nothing as carrying the whole catalog', () => {
    expect(assortmentReach({ mode: 'all_except', productIds: [] })).toBe('everything');
    expect(assortmentReach({ mode: 'all_except', productIds: [a] })).toBe('all_except');
    expect(assortmentReach({ mode: 'listed', productIds: [] })).toBe('listed');
  });

  it('adds a product at the top once, and removes it', () => {
    const draft = withProduct(withProduct({ mode: 'listed', productIds: [a] }, b), b);
    expect(draft).toEqual({ mode: 'listed', productIds: [b, a] });
    expect(withoutProduct(draft, a)).toEqual({ mode: 'listed', productIds: [b] });
  });

  it('counts a change of mode or of products as a change, not of order', () => {
    const saved = { mode: 'all_except' as const, productIds: [a, b] };
    expect(assortmentChanged({ mode: 'all_except', productIds: [b, a] }, saved)).toBe(false);
    expect(assortmentChanged({ mode: 'listed', productIds: [a, b] }, saved)).toBe(true);
    expect(assortmentChanged({ mode: 'all_except', productIds: [a] }, saved)).toBe(true);
    expect(assortmentChanged({ mode: 'all_except', productIds: [a, a] }, saved)).toBe(true);
  });
});
