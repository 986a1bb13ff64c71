import { Assortment, type AssortmentBody } from '@pos/shared';
import type { OfficeHttp } from '../office-core/office-http';

const path = (storeId: string) => `/assortments/${encodeURIComponent(storeId)}`;

export const getAssortment = (http: OfficeHttp, storeId: string) => http({ method: 'GET', path: path(storeId), schema: Assortment });

export const replaceAssortment = (http: OfficeHttp, storeId: string, body: AssortmentBody) => http({ method: 'PUT', path: path(storeId), schema: Assortment, body });

/** The store carries the whole catalog again; HQ answers `all_except` with no products. */
export const clearAssortment = (http: OfficeHttp, storeId: string) => http({ method: 'DELETE', path: path(storeId), schema: Assortment });
