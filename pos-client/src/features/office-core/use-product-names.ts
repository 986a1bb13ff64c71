import { useEffect, useState } from 'react';
import type { Product } from '@pos/shared';
import type { OfficeHttp } from './office-http';
import { fetchProductsById, productsByIdLimit } from './product-search-api';

/** What is known of a product id: the product, null once HQ said it has no such product, absent while unasked. */
type Known = ReadonlyMap<string, Product | null>;

/**
 * The products behind the ids a screen shows, fetched from HQ for those not known yet, so a
 * list HQ keeps by id (an assortment) reads as names. Products the screen already has, e.g.
 * from a search, are remembered and never asked for.
 */
export function useProductNames(http: OfficeHttp, shown: readonly string[]) {
  const [known, setKnown] = useState<Known>(() => new Map());
  const missing = shown.filter((id) => !known.has(id)).slice(0, productsByIdLimit).join(',');

  useEffect(() => {
    if (!missing) return;
    let current = true;
    const ids = missing.split(',');
    void fetchProductsById(http, ids).then((result) => {
      if (!current || !result.ok) return;
      setKnown((map) => {
        const next = new Map(map);
        for (const id of ids) next.set(id, null);
        for (const product of result.value) next.set(product.id, product);
        return next;
      });
    });
    return () => {
      current = false;
    };
  }, [http, missing]);

  return {
    product: (id: string): Product | undefined => known.get(id) ?? undefined,
    remember: (product: Product) => setKnown((map) => new Map(map).set(product.id, product)),
  };
}
