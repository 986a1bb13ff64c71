import { z } from 'zod';
import { Product } from '@pos/shared';
import type { HqResult } from '../../hq/hq-failure';
import type { OfficeHttp } from './office-http';
import type { ServerTableParams } from './server-table-params';

/**
 * `GET /catalog/products` predates the paging contract and pages by `page` and `pageSize`; `q`
 * and `storeId` are as the contract has them.
 */
export function encodeProductSearch(params: ServerTableParams): URLSearchParams {
  const query = new URLSearchParams({ page: String(Math.floor(params.offset / params.limit) + 1), pageSize: String(params.limit) });
  if (params.q) query.set('q', params.q);
  const storeId = params.filters.storeId;
  if (typeof storeId === 'string' && storeId) query.set('storeId', storeId);
  return query;
}

/** HQ names at most this many products by id in one request. */
export const productsByIdLimit = 200;

/** The products behind some ids (at most `productsByIdLimit`), to name a list HQ keeps by id; ids HQ does not know are left out. */
export const fetchProductsById = (http: OfficeHttp, ids: readonly string[]): Promise<HqResult<Product[]>> =>
  http({ method: 'GET', path: `/products?ids=${ids.map(encodeURIComponent).join(',')}`, schema: z.array(Product) });
