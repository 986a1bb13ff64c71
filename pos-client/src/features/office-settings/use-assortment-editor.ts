import { useEffect, useState } from 'react';
import type { AssortmentBody, AssortmentMode, Product, Store } from '@pos/shared';
import { failureCode, type HqResult } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { fetchScopeStores } from '../office-core/scope-stores';
import { useProductNames } from '../office-core/use-product-names';
import { clearAssortment, getAssortment, replaceAssortment } from './assortment-api';
import { assortmentChanged, assortmentReach, withoutProduct, withProduct } from './assortment-draft';

export const assortmentPageSize = 20;

type Notice = { kind: 'none' } | { kind: 'saved' } | { kind: 'reset' } | { kind: 'failed'; code: string };

/**
 * One store's assortment being edited: the store's list as HQ holds it, the draft with its mode
 * and products, a page of it named through HQ, and saving it or letting the store carry the
 * whole catalog again.
 */
export function useAssortmentEditor(http: OfficeHttp) {
  const [stores, setStores] = useState<Store[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [saved, setSaved] = useState<AssortmentBody | null>(null);
  const [draft, setDraft] = useState<AssortmentBody | null>(null);
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const storeId = chosen || stores?.[0]?.id || '';

  useEffect(() => {
    void fetchScopeStores(http).then((result) => (result.ok ? setStores(result.value) : setNotice({ kind: 'failed', code: failureCode(result.failure) })));
  }, [http]);

  useEffect(() => {
    if (!storeId) return;
    let current = true;
    setSaved(null);
    setDraft(null);
    setPage(1);
    void getAssortment(http, storeId).then((result) => {
      if (!current) return;
      if (result.ok) take(result.value);
      else setNotice({ kind: 'failed', code: failureCode(result.failure) });
    });
    return () => {
      current = false;
    };
  }, [http, storeId]);

  const ids = draft?.productIds ?? [];
  const pages = Math.max(1, Math.ceil(ids.length / assortmentPageSize));
  // Removing the last products of the last page leaves the user on the page before it.
  const shownPage = Math.min(page, pages);
  const shown = ids.slice((shownPage - 1) * assortmentPageSize, shownPage * assortmentPageSize);
  const names = useProductNames(http, shown);

  function take({ mode, productIds }: AssortmentBody) {
    setSaved({ mode, productIds });
    setDraft({ mode, productIds });
  }

  function edit(next: AssortmentBody) {
    setDraft(next);
    setNotice({ kind: 'none' });
  }

  async function write(request: Promise<HqResult<AssortmentBody>>, done: Notice) {
    setBusy(true);
    const result = await request;
    setBusy(false);
    if (result.ok) take(result.value);
    setNotice(result.ok ? done : { kind: 'failed', code: failureCode(result.failure) });
  }

  return {
    stores: stores ?? [],
    storeId,
    chooseStore: (id: string) => {
      setChosen(id);
      setNotice({ kind: 'none' });
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
    setMode: (mode: AssortmentMode) => draft && edit({ ...draft, mode }),
    add: (product: Product) => {
      names.remember(product);
      if (draft) edit(withProduct(draft, product.id));
      setPage(1);
    },
    remove: (productId: string) => draft && edit(withoutProduct(draft, productId)),
    save: () => draft && write(replaceAssortment(http, storeId, draft), { kind: 'saved' }),
    reset: () => write(clearAssortment(http, storeId), { kind: 'reset' }),
    busy,
    notice,
  };
}
