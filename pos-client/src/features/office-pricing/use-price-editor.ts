import { useEffect, useState } from 'react';
import type { MemberLevel, ProductWithPrices, Store } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { fetchScopeStores } from '../office-core/scope-stores';
import { cancelScheduledPrice, listMemberLevels, setPrice } from './price-api';
import { readPriceForm, type PriceFormResult, type PriceFormValues } from './price-form';
import { useProductSearch } from '../office-core/use-product-search';

type Saved = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; code: string };

/** The price editor: search, pick a product, set or schedule its chain or store price, cancel a scheduled change. */
export function usePriceEditor(http: OfficeHttp, now: () => Date) {
  const products = useProductSearch(http);
  const [stores, setStores] = useState<Store[]>([]);
  const [levels, setLevels] = useState<MemberLevel[]>([]);
  const [selected, setSelected] = useState<ProductWithPrices | null>(null);
  const [formErrors, setFormErrors] = useState<Extract<PriceFormResult, { ok: false }>['errors']>({});
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fetchScopeStores(http).then((r) => r.ok && setStores(r.value));
    void listMemberLevels(http).then((r) => r.ok && setLevels(r.value));
  }, [http]);

  useEffect(() => {
    if (!selected || !products.page) return;
    const fresh = products.page.items.find((i) => i.product.id === selected.product.id);
    if (fresh && fresh !== selected) setSelected(fresh);
  }, [products.page, selected]);

  async function submit(values: Omit<PriceFormValues, 'productId'>) {
    if (!selected) return;
    const form = readPriceForm({ ...values, productId: selected.product.id }, now());
    setFormErrors(form.ok ? {} : form.errors);
    if (!form.ok) return;
    setBusy(true);
    const result = await setPrice(http, form.body);
    setBusy(false);
    setSaved(result.ok ? { kind: 'saved' } : { kind: 'failed', code: failureCode(result.failure) });
    if (result.ok) products.refresh();
  }

  async function cancel(priceId: string) {
    const result = await cancelScheduledPrice(http, priceId);
    setSaved(result.ok ? { kind: 'saved' } : { kind: 'failed', code: failureCode(result.failure) });
    if (result.ok) products.refresh();
  }

  function select(item: ProductWithPrices | null) {
    setSelected(item);
    setFormErrors({});
    setSaved({ kind: 'idle' });
  }

  return { products, stores, levels, selected, select, submit, cancel, formErrors, saved, busy };
}
