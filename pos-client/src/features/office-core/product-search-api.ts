import { z } from 'zod';
import { Product, ProductPage } from '@pos/shared';
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

/** HQ names at most this many products by id in one request. */
export const productsByIdLimit = 200;

/** The products behind some ids (at most `productsByIdLimit`), to name a list HQ keeps by id; ids HQ does not know are left out. */
export const fetchProductsById = (http: OfficeHttp, ids: readonly string[]): Promise<HqResult<Product[]>> =>
  http({ method: 'GET', path: `/products?ids=${ids.map(encodeURIComponent).join(',')}`, schema: z.array(Product) });
