import type { Category } from '@pos/shared';

export interface CategoryNode extends Category {
  children?: CategoryNode[];
}

/** The flat list as a tree, siblings by their order then code; a category whose parent is unknown sits at the top. */
export function categoryNodes(categories: readonly Category[]): CategoryNode[] {
  const known = new Set(categories.map((c) => c.id));
  const sorted = [...categories].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const build = (parentId: string | null, seen: Set<string>): CategoryNode[] =>
    sorted
      .filter((c) => (c.parentId !== null && known.has(c.parentId) ? c.parentId : null) === parentId && !seen.has(c.id))
      .map((c) => {
        const children = build(c.id, new Set([...seen, c.id]));
        return children.length ? { ...c, children } : { ...c };
      });
  return build(null, new Set());
}

/** The tree as a TreeSelect's options, leaving out one category with everything below it (where a category may not move). */
export function categoryOptions(nodes: readonly CategoryNode[], pickName: (c: Category) => string, without: string | null = null, activeOnly = true): { value: string; title: string; children?: ReturnType<typeof categoryOptions> }[] {
  return nodes
    .filter((node) => node.id !== without && (!activeOnly || node.active))
    .map((node) => ({ value: node.id, title: `${node.code} ${pickName(node)}`, children: node.children && categoryOptions(node.children, pickName, without, activeOnly) }));
}
