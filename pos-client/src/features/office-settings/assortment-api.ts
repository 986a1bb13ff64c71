import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Assortment, type AssortmentBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

const path = (storeId: string) => `/assortments/${encodeURIComponent(storeId)}`;
const assortmentKey = (storeId: string) => ['assortments', storeId] as const;

/** A store's assortment as HQ holds it, replacing it, and letting the store carry the whole catalog again. */
export function useAssortment(storeId: string) {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: assortmentKey(storeId), queryFn: () => unwrap(http({ method: 'GET', path: path(storeId), schema: Assortment })), enabled: storeId !== '' });
  const onSuccess = (assortment: Assortment) => queryClient.setQueryData(assortmentKey(assortment.storeId), assortment);
  const replace = useMutation({ mutationFn: (body: AssortmentBody) => unwrap(http({ method: 'PUT', path: path(storeId), schema: Assortment, body })), onSuccess });
  // HQ answers `all_except` with no products.
  const clear = useMutation({ mutationFn: () => unwrap(http({ method: 'DELETE', path: path(storeId), schema: Assortment })), onSuccess });
  return { saved, replace, clear };
}
