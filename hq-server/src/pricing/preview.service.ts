import { priceBasket, type PreviewBody, type PricedBasketBody } from '@pos/shared';
import type { Db } from '../db/client';
import { loadActiveRules } from '../promotions/promotions.repo';

/**
 * Prices a basket with the chain's active rules (unless excluded) and draft rules on top:
 * a draft with the id of a saved rule replaces it, so an edit can be tried before saving.
 */
export async function previewPricing(db: Db, chainId: string, body: PreviewBody): Promise<PricedBasketBody> {
  const saved = body.savedRules === 'include' ? await loadActiveRules(db, chainId) : [];
  const draftIds = new Set(body.draftRules.map((r) => r.id));
  const rules = [...saved.filter((r) => !draftIds.has(r.id)), ...body.draftRules];
  return priceBasket(body.basket, body.context, rules);
}
