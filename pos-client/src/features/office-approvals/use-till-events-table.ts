import { TillEventRecord } from '@pos/shared';
import { pageOf } from '../office-core/server-table-params';
import { useServerTable } from '../office-core/use-server-table';
import type { DaySpan } from './use-approvals-table';

/**
 * One page of till events (drawer opened without a sale, ticket voided, receipt reprinted) from
 * `GET /till-events`, for the same store and days as the overrides, paged, sorted and filtered by
 * kind at HQ.
 */
export function useTillEventsTable(storeId: string | undefined, days: DaySpan, enabled: boolean) {
  return useServerTable({
    queryKey: ['till-events'],
    path: '/till-events',
    schema: pageOf(TillEventRecord),
    filters: { storeId, from: days.from, to: days.to },
    enabled,
  });
}
