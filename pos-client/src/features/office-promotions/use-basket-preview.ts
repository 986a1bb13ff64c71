import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ancestorsOf, categoryParents, minor, PricedBasketBody, type BasketLine, type Category, type PreviewBody, type ProductWithPrices, type PromotionRule } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { localDate } from '../office-core/local-date';
import { useOfficeHttp } from '../office-core/office-context';
import { useDebounced } from '../office-core/use-debounced';

export interface PreviewItem {
  item: ProductWithPrices;
  quantity: number;
}

export interface PreviewSetup {
  storeId: string;
  /** `YYYY-MM-DDTHH:mm` in the office user's time zone. */
  at: string;
  memberLevelId: string | null;
  birthday: string;
  vouchers: string;
  includeSaved: boolean;
}

/**
 * A basket line as the till builds it, with the categories above the product's own so a rule
 * on a parent category reaches it. A weighed product is tried as one kilogram.
 */
export function toBasketLine({ item, quantity }: PreviewItem, index: number, categories: readonly Category[]): BasketLine {
  const { product } = item;
  return {
    lineId: `line-${index + 1}`,
    productId: product.id,
    quantity: product.weighed ? 1 : quantity,
    unitPriceMinor: minor((item.retailNowMinor ?? 0) * (product.weighed ? quantity : 1)),
    categoryId: product.categoryId,
    ancestorCategoryIds: ancestorsOf(categoryParents(categories), product.categoryId),
    brandId: product.brandId,
    clerkId: null,
    weightGrams: product.weighed ? quantity * 1_000 : null,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const nowLocal = (d: Date) => `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** "Try a basket": prices the basket with HQ's engine, the draft rule on top of the saved ones, a moment after either changes. */
export function useBasketPreview(draft: PromotionRule | null, draftValid: boolean, defaultStoreId: string, categories: readonly Category[]) {
  const http = useOfficeHttp();
  const [items, setItems] = useState<PreviewItem[]>([]);
  const [setup, setSetup] = useState<PreviewSetup>(() => ({ storeId: '', at: nowLocal(new Date()), memberLevelId: null, birthday: '', vouchers: '', includeSaved: true }));
  const storeId = setup.storeId || defaultStoreId;
  const body: PreviewBody | null =
    items.length === 0 || !storeId
      ? null
      : {
          basket: { lines: items.map((item, index) => toBasketLine(item, index, categories)) },
          context: {
            storeId,
            instant: new Date(setup.at).toISOString(),
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            member: setup.memberLevelId ? { id: 'preview-member', levelId: setup.memberLevelId, birthday: setup.birthday || null } : null,
            vouchers: setup.vouchers.split(/[\s,]+/).filter(Boolean).map((code) => ({ code })),
            manualDiscounts: [],
            rounding: { unitMinor: 1, mode: 'half_up' },
          },
          draftRules: draft && draftValid ? [draft] : [],
          savedRules: setup.includeSaved ? 'include' : 'exclude',
        };
  // Compared as text: the body is built anew at every render.
  const asked = useDebounced(body === null ? null : JSON.stringify(body), 300);
  const priced = useQuery({
    queryKey: ['pricing', 'preview', asked],
    queryFn: () => unwrap(http({ method: 'POST', path: '/pricing/preview', schema: PricedBasketBody, text: { content: asked ?? '', type: 'application/json' } })),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
  return {
    items,
    add: (item: ProductWithPrices) => setItems((list) => [...list, { item, quantity: 1 }]),
    setQuantity: (index: number, quantity: number) => setItems((list) => list.map((l, i) => (i === index ? { ...l, quantity: Math.max(1, quantity) } : l))),
    remove: (index: number) => setItems((list) => list.filter((_, i) => i !== index)),
    setup: { ...setup, storeId },
    changeSetup: (patch: Partial<PreviewSetup>) => setSetup((s) => ({ ...s, ...patch })),
    priced: body === null ? null : (priced.data ?? null),
    error: priced.error,
  };
}
