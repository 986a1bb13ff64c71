interface TreeNode {
  id: string;
  parentId: string | null;
}

/** Whether putting `id` under `parentId` would close a loop: the new parent is the category itself or lies below it. */
export function wouldCycle(tree: readonly TreeNode[], id: string, parentId: string): boolean {
  const parentOf = new Map(tree.map((node) => [node.id, node.parentId]));
  const seen = new Set<string>();
  for (let at: string | null = parentId; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
    if (at === id) return true;
    seen.add(at);
  }
  return false;
}

/** A category and every category below it, for filtering products by a category with its sub-categories. */
export function withDescendants(tree: readonly TreeNode[], id: string): string[] {
  const children = new Map<string, string[]>();
  for (const node of tree) if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  const found = [id];
  for (let i = 0; i < found.length; i++) for (const child of children.get(found[i]!) ?? []) if (!found.includes(child)) found.push(child);
  return found;
}
