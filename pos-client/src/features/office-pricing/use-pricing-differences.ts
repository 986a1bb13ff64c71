import { useQuery } from '@tanstack/react-query';
import { DiscrepancyList } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

/** The newest pricing differences (at most 500) in one store or all the caller's, optionally only where the till was behind. */
export function usePricingDifferences(filter: { storeId: string | undefined; behind: boolean }) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: ['pricing', 'differences', filter],
    queryFn: () => {
      const params = new URLSearchParams({ limit: '500' });
      if (filter.storeId) params.set('storeId', filter.storeId);
      if (filter.behind) params.set('behind', 'true');
      return unwrap(http({ method: 'GET', path: `/pricing/discrepancies?${params.toString()}`, schema: DiscrepancyList }));
    },
  });
}
