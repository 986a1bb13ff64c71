/** Each category's parent (null at the top), by id: the tree as promotions and earning rules walk it. */
export type CategoryParents = ReadonlyMap<string, string | null>;

export const categoryParents = (categories: readonly { id: string; parentId: string | null }[]): CategoryParents =>
  new Map(categories.map((c) => [c.id, c.parentId]));

/**
 * Every category above the given one, nearest first: a rule on "Drinks" reaches a product filed
 * under "Drinks › Soda". An unknown id has none; a loop in the tree stops the walk.
 */
export function ancestorsOf(parents: CategoryParents, id: string | null): string[] {
  const found: string[] = [];
  for (let next = id === null ? null : (parents.get(id) ?? null); next !== null && !found.includes(next); next = parents.get(next) ?? null) found.push(next);
  return found;
}
