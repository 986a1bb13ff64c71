import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { PriceEntry, PriceImportProblem, PriceImportResult, type SetPriceBody } from '@pos/shared';
import { HqError, unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { productSearchKey } from '../office-core/use-product-search';

/** Setting a price and cancelling a scheduled one; either refreshes every product search, whose rows carry the prices. */
export function usePriceMutations() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: productSearchKey });
  const set = useMutation({
    mutationFn: (body: SetPriceBody) => unwrap(http({ method: 'POST', path: '/pricing/prices', schema: PriceEntry, body })),
    onSuccess,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => unwrap(http({ method: 'DELETE', path: `/pricing/prices/${encodeURIComponent(id)}`, schema: PriceEntry })),
    onSuccess,
  });
  return { set, cancel };
}

/** The rows HQ refused in a price import (it takes all rows or none), from the error's details; empty for any other failure. */
export function importProblems(error: unknown): PriceImportProblem[] {
  if (!(error instanceof HqError) || error.failure.kind !== 'http') return [];
  const problems = z.array(PriceImportProblem).safeParse(error.failure.details);
  return problems.success ? problems.data : [];
}

/** Imports a CSV price list. */
export function usePriceImport() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => unwrap(http({ method: 'POST', path: '/pricing/prices/import', schema: PriceImportResult, text: { content: csv, type: 'text/csv' } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productSearchKey }),
  });
}
