import { useState } from 'react';
import type { AssortmentBody, AssortmentMode, Product } from '@pos/shared';
import { useScopeStores } from '../office-core/office-queries';
import { useProductNames } from '../office-core/use-product-names';
import { useAssortment } from './assortment-api';
import { assortmentChanged, assortmentReach, withoutProduct, withProduct } from './assortment-draft';

export const assortmentPageSize = 20;

/**
 * One store's assortment being edited: the store's list as HQ holds it, the draft with its mode
 * and products, a page of it named through HQ, and saving it or letting the store carry the
 * whole catalog again.
 */
export function useAssortmentEditor() {
  const stores = useScopeStores();
  const [chosen, setChosen] = useState('');
  const storeId = chosen || stores.data?.[0]?.id || '';
  const { saved: load, replace, clear } = useAssortment(storeId);
  const [edit, setEdit] = useState<{ storeId: string; draft: AssortmentBody } | null>(null);
  const [page, setPage] = useState(1);

  const saved: AssortmentBody | null = load.data ? { mode: load.data.mode, productIds: load.data.productIds } : null;
  const draft = edit?.storeId === storeId ? edit.draft : saved;
  const ids = draft?.productIds ?? [];
  const pages = Math.max(1, Math.ceil(ids.length / assortmentPageSize));
  // Removing the last products of the last page leaves the user on the page before it.
  const shownPage = Math.min(page, pages);
  const shown = ids.slice((shownPage - 1) * assortmentPageSize, shownPage * assortmentPageSize);
  const names = useProductNames(shown);
  const change = (next: AssortmentBody) => {
    setEdit({ storeId, draft: next });
    replace.reset();
    clear.reset();
  };
  const forget = () => setEdit(null);

  return {
    stores: stores.data ?? [],
    storeId,
    chooseStore: (id: string) => {
      setChosen(id);
      setPage(1);
      forget();
      replace.reset();
      clear.reset();
    },
    saved,
    reach: saved ? assortmentReach(saved) : null,
    draft,
    changed: draft !== null && saved !== null && assortmentChanged(draft, saved),
    shown,
    page: shownPage,
    pages,
    setPage,
    product: names.product,
    setMode: (mode: AssortmentMode) => draft && change({ ...draft, mode }),
    add: (product: Product) => {
      names.remember(product);
      if (draft) change(withProduct(draft, product.id));
      setPage(1);
    },
    remove: (productId: string) => draft && change(withoutProduct(draft, productId)),
    save: () => draft && replace.mutate(draft, { onSuccess: forget }),
    reset: () => clear.mutate(undefined, { onSuccess: forget }),
    busy: replace.isPending || clear.isPending,
    notice: replace.isSuccess ? ('saved' as const) : clear.isSuccess ? ('reset' as const) : null,
    error: stores.error ?? load.error ?? replace.error ?? clear.error,
    loading: stores.isPending || load.isPending,
  };
}
