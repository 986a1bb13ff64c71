import { describe, expect, it } from 'vitest';
import { withDescendants, wouldCycle } from './category-tree';

const tree = [
  { id: 'food', parentId: null },
  { id: 'snacks', parentId: 'food' },
  { id: 'chips', parentId: 'snacks' },
  { id: 'drinks', parentId: null },
];

describe('category tree', () => {
  it('refuses a move under the category itself or anything below it', () => {
    expect(wouldCycle(tree, 'food', 'food')).toBe(true);
    expect(wouldCycle(tree, 'food', 'chips')).toBe(true);
    expect(wouldCycle(tree, 'snacks', 'chips')).toBe(true);
  });

  it('allows a move under another branch or a parent above', () => {
    expect(wouldCycle(tree, 'snacks', 'drinks')).toBe(false);
    expect(wouldCycle(tree, 'chips', 'food')).toBe(false);
  });

  it('finds a category with every level below it, and stops on a loop', () => {
    expect(withDescendants(tree, 'food')).toEqual(['food', 'snacks', 'chips']);
    expect(withDescendants([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }], 'a')).toEqual(['a', 'b']);
  });
});
