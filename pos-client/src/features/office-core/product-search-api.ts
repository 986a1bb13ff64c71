import { z } from 'zod';
import { Product } from '@pos/shared';
import type { HqResult } from '../../hq/hq-failure';
import type { OfficeHttp } from './office-http';

/** HQ names at most this many products by id in one request. */
export const productsByIdLimit = 200;

/** The products behind some ids (at most `productsByIdLimit`), to name a list HQ keeps by id; ids HQ does not know are left out. */
export const fetchProductsById = (http: OfficeHttp, ids: readonly string[]): Promise<HqResult<Product[]>> =>
  http({ method: 'GET', path: `/products?ids=${ids.map(encodeURIComponent).join(',')}`, schema: z.array(Product) });
