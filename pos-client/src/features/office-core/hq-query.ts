import { QueryClient } from '@tanstack/react-query';
import { failureCode, isUnreachable, type HqFailure, type HqResult } from '../../hq/hq-failure';

/** A failed call to HQ, thrown so TanStack Query sees it as the query's or mutation's error. */
export class HqError extends Error {
  constructor(readonly failure: HqFailure) {
    super(failureCode(failure));
    this.name = 'HqError';
  }

  get code(): string {
    return failureCode(this.failure);
  }
}

/** The value of an HQ answer, or an `HqError`: what every office `queryFn` and `mutationFn` returns. */
export async function unwrap<T>(result: Promise<HqResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new HqError(answer.failure);
  return answer.value;
}

/**
 * One client for the office: answers stay fresh for 30 s, a query is retried (twice) only when HQ
 * could not be reached, never for a 4xx, and nothing refetches on window focus (a form being
 * edited must not change under the user) except the user's own permissions (`use-office-session.ts`).
 */
export function createOfficeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && error instanceof HqError && isUnreachable(error.failure),
      },
      mutations: { retry: false },
    },
  });
}
