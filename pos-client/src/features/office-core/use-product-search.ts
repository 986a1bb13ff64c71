import { ProductPage } from '@pos/shared';
import { useServerTable } from './use-server-table';

/** The query key of every product search; saving a price invalidates it. */
export const productSearchKey = ['catalog', 'products'] as const;

/** Products matching what was typed (SKU, name or barcode), a page at a time, with prices resolved for a store if one is given. */
export function useProductSearch({ storeId = null, pageSize = 15 }: { storeId?: string | null; pageSize?: number } = {}) {
  return useServerTable({ queryKey: productSearchKey, path: '/catalog/products', schema: ProductPage, pageSize, filters: { storeId: storeId ?? undefined } });
}
