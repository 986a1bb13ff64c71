import { useState } from 'react';
import { ReturnRecord } from '@pos/shared';
import type { DaySpan } from '../office-approvals/use-approvals-table';
import { useScopeStores } from '../office-core/office-queries';
import { pageOf } from '../office-core/server-table-params';
import { useServerTable } from '../office-core/use-server-table';

/**
 * The returns screen's data: the stores in scope for the filter, and one page of returns from
 * `GET /returns`, newest first, optionally only those HQ found returned beyond what was sold.
 */
export function useReturnsTable() {
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [days, setDays] = useState<DaySpan>({ from: '', to: '' });
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const spanValid = days.from === '' || days.to === '' || days.from <= days.to;
  const stores = useScopeStores();
  const table = useServerTable({
    queryKey: ['returns'],
    path: '/returns',
    schema: pageOf(ReturnRecord),
    filters: { storeId, from: days.from, to: days.to, differences: differencesOnly ? 'true' : undefined },
    enabled: spanValid,
  });
  return { table, stores, storeId, setStoreId, days, setDays, spanValid, differencesOnly, setDifferencesOnly };
}
