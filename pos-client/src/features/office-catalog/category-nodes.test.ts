import type { Category } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { categoryNodes, categoryOptions } from './category-nodes';

const c = (id: string, parentId: string | null, sortOrder = 0, active = true): Category => ({ id, parentId, code: id.toUpperCase(), nameZh: id, nameEn: id, sortOrder, active });

describe('categoryNodes', () => {
  it('nests children under parents, siblings by order then code', () => {
    const nodes = categoryNodes([c('b', null, 1), c('a', null, 2), c('a2', 'a'), c('a1', 'a')]);
    expect(nodes.map((n) => n.id)).toEqual(['b', 'a']);
    expect(nodes[1]!.children!.map((n) => n.id)).toEqual(['a1', 'a2']);
  });

  it('leaves out the category being moved, with its branch, and inactive ones from the options', () => {
    const nodes = categoryNodes([c('a', null), c('a1', 'a'), c('b', null), c('x', null, 0, false)]);
    expect(categoryOptions(nodes, (k) => k.nameEn, 'a').map((o) => o.value)).toEqual(['b']);
  });
});
