import { ancestorsOf, categoryParents, type Category } from '@pos/shared';

/** The category and those above it, top first, so a chosen id reads as "Drinks › Soda"; empty for an unknown id. */
export function categoryPath(categories: readonly Category[], id: string): Category[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return ancestorsOf(categoryParents(categories), id).reverse().concat(id).flatMap((at) => byId.get(at) ?? []);
}

export interface CategoryRow {
  category: Category;
  depth: number;
}

/** The tree as a list: each category followed by its children, siblings by code; a category whose parent is unknown sits at the top. */
export function inTreeOrder(categories: readonly Category[]): CategoryRow[] {
  const known = new Set(categories.map((c) => c.id));
  const childrenOf = new Map<string | null, Category[]>();
  for (const category of [...categories].sort((a, b) => a.code.localeCompare(b.code))) {
    const parent = category.parentId !== null && known.has(category.parentId) ? category.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
  }
  const rows: CategoryRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const category of childrenOf.get(parent) ?? []) {
      rows.push({ category, depth });
      visit(category.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** Whether a typed search finds the category by code or by either name; an empty search finds all. */
export function matchesCategory(category: Category, search: string): boolean {
  const wanted = search.trim().toLowerCase();
  return [category.code, category.nameZh, category.nameEn].some((text) => text.toLowerCase().includes(wanted));
}
