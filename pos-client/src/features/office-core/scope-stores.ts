import { z } from 'zod';
import { Store } from '@pos/shared';
import type { HqResult } from '../../hq/hq-failure';
import type { OfficeHttp } from './office-http';

/** The stores the caller may work with, by code, whether or not they have sold anything yet. */
export const fetchScopeStores = (http: OfficeHttp): Promise<HqResult<Store[]>> => http({ method: 'GET', path: '/stores', schema: z.array(Store) });
