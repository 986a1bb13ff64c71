import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { PriceBand, PriceEntry, StorePricingSettings, StorePriceRow, type PriceBandBody, type SetStorePriceBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { pageOf } from '../office-core/server-table-params';

export const storePricePage = pageOf(StorePriceRow);
export const storePricesKey = ['pricing', 'store-prices'] as const;
const settingsKey = ['settings', 'store-pricing'] as const;

/** The chain's store-pricing policy and default band. */
export function useStorePricingSettings() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: settingsKey, queryFn: () => unwrap(http({ method: 'GET', path: '/settings/store-pricing', schema: StorePricingSettings })) });
}

/** Saves the policy (HQ); the store prices' bands follow it. */
export function useSaveStorePricingSettings() {
  const http = useOfficeHttp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StorePricingSettings) => unwrap(http({ method: 'PUT', path: '/settings/store-pricing', schema: StorePricingSettings, body })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: settingsKey }), client.invalidateQueries({ queryKey: storePricesKey })]),
  });
}

const storePricePath = (storeId: string, productId: string) => `/pricing/store-prices/${storeId}/${productId}`;

/** Sets, clears and bands store prices; each refreshes the list. */
export function useStorePriceMutations() {
  const http = useOfficeHttp();
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: storePricesKey });
  return {
    set: useMutation({
      mutationFn: ({ storeId, productId, body }: { storeId: string; productId: string; body: SetStorePriceBody }) =>
        unwrap(http({ method: 'PUT', path: storePricePath(storeId, productId), schema: PriceEntry, body })),
      onSuccess,
    }),
    clear: useMutation({
      mutationFn: ({ storeId, productId }: { storeId: string; productId: string }) =>
        unwrap(http({ method: 'DELETE', path: storePricePath(storeId, productId), schema: z.object({ cleared: z.number() }) })),
      onSuccess,
    }),
    setBand: useMutation({
      mutationFn: ({ productId, body }: { productId: string; body: PriceBandBody }) =>
        unwrap(http({ method: 'PUT', path: `/pricing/bands/${productId}`, schema: PriceBand, body })),
      onSuccess,
    }),
    removeBand: useMutation({
      mutationFn: (productId: string) => unwrap(http({ method: 'DELETE', path: `/pricing/bands/${productId}`, schema: PriceBand })),
      onSuccess,
    }),
  };
}
