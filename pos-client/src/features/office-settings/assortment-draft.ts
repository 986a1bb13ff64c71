import type { AssortmentBody } from '@pos/shared';

/** What a store carries, as the screen says it; the whole catalog is, on the wire, `all_except` with nothing excepted. */
export type AssortmentReach = 'everything' | 'listed' | 'all_except';

export function assortmentReach({ mode, productIds }: AssortmentBody): AssortmentReach {
  return mode === 'all_except' && productIds.length === 0 ? 'everything' : mode;
}

/** The list with a product added at the top, where the user sees it; a product already listed stays where it is. */
export function withProduct(draft: AssortmentBody, productId: string): AssortmentBody {
  return draft.productIds.includes(productId) ? draft : { ...draft, productIds: [productId, ...draft.productIds] };
}

export function withoutProduct(draft: AssortmentBody, productId: string): AssortmentBody {
  return { ...draft, productIds: draft.productIds.filter((id) => id !== productId) };
}

const sortedIds = (ids: readonly string[]) => [...ids].sort().join(',');

/** Whether the draft differs from what HQ holds; the order of the list does not matter to a till. */
export function assortmentChanged(draft: AssortmentBody, saved: AssortmentBody): boolean {
  return draft.mode !== saved.mode || sortedIds(draft.productIds) !== sortedIds(saved.productIds);
}
