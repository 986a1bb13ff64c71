import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  StockCount, StockCountList, StockOverview, Transfer, TransferDestinationList, TransferList,
  type ReceiveBody, type StockCountBody, type StockCountEntryBody, type StockCountPostBody, type StockCountStatus, type StockOverviewQuery, type TransferBody, type TransferStatus,
} from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';
import { queryString, stockKey } from './use-stock';

/** Transfers from or to the caller's stores, the stores one may go to, and shipping and receiving them. */
export function useTransfers(filter: { storeId?: string | undefined; direction?: 'in' | 'out' | undefined; status?: TransferStatus | undefined }) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'transfers', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/transfers${queryString(filter)}`, schema: TransferList })),
  });
  const destinations = useQuery({
    queryKey: [...stockKey, 'transfer-destinations'],
    queryFn: () => unwrap(http({ method: 'GET', path: '/stock/transfer-destinations', schema: TransferDestinationList })),
    staleTime: 5 * 60_000,
  });
  const ship = useHqMutation((body: TransferBody) => ({ method: 'POST', path: '/stock/transfers', schema: Transfer, body }), [stockKey]);
  const receive = useHqMutation(({ id, body }: { id: string; body: ReceiveBody }) => ({ method: 'POST', path: `/stock/transfers/${id}/receive`, schema: Transfer, body }), [stockKey]);
  return { list, destinations, ship, receive };
}

/** The counts of the caller's stores, and opening one. */
export function useCounts(filter: { storeId?: string | undefined; status?: StockCountStatus | undefined }) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'counts', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/counts${queryString(filter)}`, schema: StockCountList })),
  });
  const open = useHqMutation((body: StockCountBody) => ({ method: 'POST', path: '/stock/counts', schema: StockCount, body }), [stockKey]);
  return { list, open };
}

/** One count with its lines, and what is done on it: counts entered or scanned, posted, cancelled. */
export function useCount(id: string) {
  const http = useOfficeHttp();
  const count = useQuery({
    queryKey: [...stockKey, 'count', id],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/counts/${id}`, schema: StockCount })),
  });
  const enter = useHqMutation((body: StockCountEntryBody) => ({ method: 'POST', path: `/stock/counts/${id}/lines`, schema: StockCount, body }), [stockKey]);
  const post = useHqMutation((body: StockCountPostBody) => ({ method: 'POST', path: `/stock/counts/${id}/post`, schema: StockCount, body }), [stockKey]);
  const cancel = useHqMutation(() => ({ method: 'POST', path: `/stock/counts/${id}/cancel`, schema: StockCount, body: {} }), [stockKey]);
  return { count, enter, post, cancel };
}

/** Stock by store and product in the caller's stores, with value at cost and days of cover; off while `enabled` is false (a warehouse is shown instead). */
export function useStockOverview(filter: StockOverviewQuery, enabled: boolean) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: [...stockKey, 'overview', filter],
    enabled,
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/overview${queryString(filter)}`, schema: StockOverview })),
    placeholderData: keepPreviousData,
  });
}
