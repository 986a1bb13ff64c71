import { describe, expect, it } from 'vitest';
import { ancestorsOf, categoryParents } from './category-ancestors';

const parents = categoryParents([
  { id: 'drinks', parentId: null },
  { id: 'soda', parentId: 'drinks' },
  { id: 'cola', parentId: 'soda' },
]);

describe('category ancestors', () => {
  it('walks up from a category, nearest first', () => {
    expect(ancestorsOf(parents, 'cola')).toEqual(['soda', 'drinks']);
    expect(ancestorsOf(parents, 'drinks')).toEqual([]);
  });

  it('has none for no category or one it does not know', () => {
    expect(ancestorsOf(parents, null)).toEqual([]);
    expect(ancestorsOf(parents, 'unknown')).toEqual([]);
  });

  it('stops at a loop instead of walking for ever', () => {
    expect(ancestorsOf(categoryParents([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }]), 'a')).toEqual(['b', 'a']);
  });
});
