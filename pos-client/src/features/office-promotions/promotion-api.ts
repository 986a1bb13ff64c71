import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Promotion, PromotionList, type PromotionBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

const promotionsKey = ['promotions'] as const;
const path = (id: string) => `/promotions/${encodeURIComponent(id)}`;

/** Every promotion of the chain with its state now (running, scheduled, ended, draft, paused). */
export function usePromotionList() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: promotionsKey, queryFn: () => unwrap(http({ method: 'GET', path: '/promotions', schema: PromotionList })) });
}

export function usePromotion(id: string | null) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: [...promotionsKey, id],
    queryFn: () => unwrap(http({ method: 'GET', path: path(id ?? ''), schema: Promotion })),
    enabled: id !== null,
    // The editor keeps its own draft; a refetch must not replace what is being typed.
    staleTime: Infinity,
  });
}

/** A new promotion is created once; later saves replace it at the path of its id. Either refreshes the list. */
export function useSavePromotion() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, isNew }: { body: PromotionBody; isNew: boolean }) =>
      unwrap(http({ method: isNew ? 'POST' : 'PUT', path: isNew ? '/promotions' : path(body.rule.id), schema: Promotion, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData([...promotionsKey, saved.rule.id], saved);
      void queryClient.invalidateQueries({ queryKey: promotionsKey, exact: true });
    },
  });
}

export function useArchivePromotion() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(http({ method: 'DELETE', path: path(id), schema: Promotion })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promotionsKey }),
  });
}
