import { PricedBasketBody, Promotion, PromotionList, type PreviewBody, type PromotionBody, type PromotionState } from '@pos/shared';
import type { OfficeHttp } from '../office-core/office-http';

export const listPromotions = (http: OfficeHttp, state?: PromotionState) =>
  http({ method: 'GET', path: state ? `/promotions?state=${state}` : '/promotions', schema: PromotionList });

export const getPromotion = (http: OfficeHttp, id: string) => http({ method: 'GET', path: `/promotions/${encodeURIComponent(id)}`, schema: Promotion });

/** A new promotion is created once; later saves replace it at the path of its id. */
export const savePromotion = (http: OfficeHttp, body: PromotionBody, isNew: boolean) =>
  http({ method: isNew ? 'POST' : 'PUT', path: isNew ? '/promotions' : `/promotions/${encodeURIComponent(body.rule.id)}`, schema: Promotion, body });

export const archivePromotion = (http: OfficeHttp, id: string) =>
  http({ method: 'DELETE', path: `/promotions/${encodeURIComponent(id)}`, schema: Promotion });

export const previewBasket = (http: OfficeHttp, body: PreviewBody) => http({ method: 'POST', path: '/pricing/preview', schema: PricedBasketBody, body });
