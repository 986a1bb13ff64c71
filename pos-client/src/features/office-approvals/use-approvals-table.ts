import { useState } from 'react';
import { ApprovalRecord } from '@pos/shared';
import { useScopeStores } from '../office-core/office-queries';
import { pageOf } from '../office-core/server-table-params';
import { useServerTable } from '../office-core/use-server-table';

/** Business days as typed in the two date fields, empty for no bound; the table asks HQ only while the span is a real one. */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * The manager-overrides screen's data: the stores in scope for the store filter, and one page of
 * overrides from `GET /sales/approvals`, paged, sorted and filtered by key at HQ; every day,
 * newest first, until the user picks days (a store's business day can be ahead of the browser's).
 */
export function useApprovalsTable() {
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [days, setDays] = useState<DaySpan>({ from: '', to: '' });
  const spanValid = days.from === '' || days.to === '' || days.from <= days.to;
  const stores = useScopeStores();
  const table = useServerTable({
    queryKey: ['sales', 'approvals'],
    path: '/sales/approvals',
    schema: pageOf(ApprovalRecord),
    filters: { storeId, from: days.from, to: days.to },
    enabled: spanValid,
  });
  return { table, stores, storeId, setStoreId, days, setDays, spanValid };
}
