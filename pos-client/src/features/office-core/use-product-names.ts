import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Product } from '@pos/shared';
import { unwrap } from './hq-query';
import { useOfficeHttp } from './office-context';
import { fetchProductsById, productsByIdLimit } from './product-search-api';

/**
 * The products behind the ids a screen shows (at most `productsByIdLimit` at once), so a list HQ
 * keeps by id (an assortment) reads as names. Products the screen already has, e.g. from a
 * search, are remembered and never asked for.
 */
export function useProductNames(shown: readonly string[]) {
  const http = useOfficeHttp();
  const [remembered, setRemembered] = useState<ReadonlyMap<string, Product>>(() => new Map());
  const missing = shown.filter((id) => !remembered.has(id)).slice(0, productsByIdLimit);
  const query = useQuery({
    queryKey: ['products', 'by-id', missing],
    queryFn: () => unwrap(fetchProductsById(http, missing)),
    enabled: missing.length > 0,
    staleTime: Infinity,
  });
  return {
    product: (id: string): Product | undefined => remembered.get(id) ?? query.data?.find((p) => p.id === id),
    remember: (product: Product) => setRemembered((map) => new Map(map).set(product.id, product)),
  };
}
