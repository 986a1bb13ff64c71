import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PermissionRolePage, Store, type PermissionRoleKind } from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import type { OfficeRequest } from '../office-core/office-http';

/** The stores in the caller's scope, for choosing a person's store. */
export function useScopeStores() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['stores'], queryFn: () => unwrap(http({ method: 'GET', path: '/stores', schema: z.array(Store) })) });
}

/** The chain's active roles of one kind, for choosing a person's role (at most 100: a chain has a handful). */
export function useRoleChoices(kind: PermissionRoleKind) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: ['roles', 'choices', kind],
    queryFn: () => unwrap(http({ method: 'GET', path: `/roles?kind=${kind}&active=true&limit=100`, schema: PermissionRolePage })),
  });
}

/**
 * A change sent to HQ that refreshes every list under `invalidate` when it succeeds: the screens'
 * creates, edits, resets and (de)activations all go through this.
 */
export function useHqChange<Body, T>(invalidate: readonly string[], request: (body: Body) => OfficeRequest<T>) {
  const http = useOfficeHttp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => unwrap(http(request(body))),
    onSuccess: () => Promise.all(invalidate.map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}
