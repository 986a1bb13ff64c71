import { ProductPage } from '@pos/shared';
import type { HqResult } from '../../hq/hq-failure';
import type { OfficeHttp } from './office-http';

export interface ProductSearch {
  q: string;
  storeId: string | null;
  page: number;
}

export const productPageSize = 15;

export function searchProducts(http: OfficeHttp, { q, storeId, page }: ProductSearch): Promise<HqResult<ProductPage>> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(productPageSize) });
  if (q.trim()) query.set('q', q.trim());
  if (storeId) query.set('storeId', storeId);
  return http({ method: 'GET', path: `/catalog/products?${query}`, schema: ProductPage });
}
