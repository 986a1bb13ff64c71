import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CashReason, CashReasonList, ShiftDetail, ShiftSummary, type CashReasonBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useScopeStores } from '../office-core/office-queries';
import { pageOf } from '../office-core/server-table-params';
import { useHqMutation } from '../office-core/use-hq-mutation';
import { useServerTable } from '../office-core/use-server-table';

/**
 * The shifts screen's data: the stores in scope for the filter, one page of shifts from
 * `GET /shifts` (newest first, filtered by store, business days and state at HQ), and the
 * shift opened in the drawer.
 */
export function useShiftsTable() {
  const http = useOfficeHttp();
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [days, setDays] = useState({ from: '', to: '' });
  const [status, setStatus] = useState<'open' | 'closed' | undefined>(undefined);
  const [openId, setOpenId] = useState<string | null>(null);
  const spanValid = days.from === '' || days.to === '' || days.from <= days.to;
  const stores = useScopeStores();
  const table = useServerTable({
    queryKey: ['shifts', 'list'],
    path: '/shifts',
    schema: pageOf(ShiftSummary),
    filters: { storeId, from: days.from, to: days.to, status },
    enabled: spanValid,
  });
  const detail = useQuery({
    queryKey: ['shifts', openId],
    enabled: openId !== null,
    queryFn: () => unwrap(http({ method: 'GET', path: `/shifts/${openId}`, schema: ShiftDetail })),
  });
  return { table, stores, storeId, setStoreId, days, setDays, status, setStatus, spanValid, openId, setOpenId, detail };
}

/** The chain's cash reasons, and saving one (a new one, or a change by id). */
export function useCashReasons() {
  const http = useOfficeHttp();
  const list = useQuery({ queryKey: ['settings', 'cash-reasons'], queryFn: () => unwrap(http({ method: 'GET', path: '/settings/cash-reasons', schema: CashReasonList })) });
  const save = useHqMutation(
    ({ id, body }: { id: string | null; body: CashReasonBody }) =>
      id === null ? { method: 'POST', path: '/settings/cash-reasons', schema: CashReason, body } : { method: 'PUT', path: `/settings/cash-reasons/${id}`, schema: CashReason, body },
    [['settings', 'cash-reasons']],
  );
  return { list, save };
}
