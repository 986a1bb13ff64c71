import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './hq-query';
import { useOfficeContext } from './office-context';
import type { OfficeRequest } from './office-http';

/**
 * A change sent to HQ with TanStack Query: `request` makes the call from the mutation's input, and
 * on success every query under each of `invalidates` (path-segment prefixes such as `['suppliers']`) is refetched.
 */
export function useHqMutation<I, T>(request: (input: I) => OfficeRequest<T>, invalidates: readonly (readonly unknown[])[]) {
  const { http } = useOfficeContext();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => unwrap(http(request(input))),
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
