import type { Category } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { categoryPath, inTreeOrder, matchesCategory } from './category-tree';

const category = (id: string, parentId: string | null, code: string, nameEn: string): Category => ({ id, parentId, code, nameZh: `${nameEn}-zh`, nameEn, sortOrder: 0, active: true });
const drinks = category('d', null, 'DRK', 'Drinks');
const soda = category('s', 'd', 'DRK2', 'Soda');
const cola = category('c', 's', 'DRK21', 'Cola');
const water = category('w', 'd', 'DRK1', 'Water');
const snacks = category('n', null, 'SNK', 'Snacks');
const tree = [cola, snacks, soda, water, drinks];

describe('category tree', () => {

  it('reads a chosen id as its path from the top, and an unknown id as nothing', () => {
    expect(categoryPath(tree, 'c').map((c) => c.nameEn)).toEqual(['Drinks', 'Soda', 'Cola']);
    expect(categoryPath(tree, 'gone')).toEqual([]);
  });

  it('puts each category under its parent, siblings by code', () => {
    expect(inTreeOrder(tree).map(({ category: c, depth }) => `${depth}:${c.code}`)).toEqual(['0:DRK', '1:DRK1', '1:DRK2', '2:DRK21', '0:SNK']);
  });

  it('keeps a category whose parent is unknown at the top rather than losing it', () => {
    expect(inTreeOrder([soda, water]).map(({ category: c, depth }) => `${depth}:${c.code}`)).toEqual(['0:DRK1', '0:DRK2']);
  });

  it('finds a category by code or either name, ignoring case', () => {
    expect(matchesCategory(soda, 'drk2')).toBe(true);
    expect(matchesCategory(soda, 'SODA')).toBe(true);
    expect(matchesCategory(soda, 'Soda-zh')).toBe(true);
    expect(matchesCategory(soda, 'cola')).toBe(false);
    expect(matchesCategory(soda, ' ')).toBe(true);
  });
});
