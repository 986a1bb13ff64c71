import { useQuery } from '@tanstack/react-query';
import {
  Allocation, AllocationList, Requisition, RequisitionList, Shipment, ShipmentList, StockLevelList, WarehouseList,
  type AllocationAdjustBody, type ReceiveBody, type RequisitionBody, type RequisitionStatus,
} from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';

/** Every stock query lives under this key, so a change anywhere (a shipment, a receipt) refreshes what the screens show. */
export const stockKey = ['stock'] as const;

/** A query string of the values set, in order. */
export function queryString(params: Record<string, string | undefined>): string {
  const set = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return set.length ? `?${new URLSearchParams(set).toString()}` : '';
}

export function useWarehouses(enabled = true) {
  const http = useOfficeHttp();
  return useQuery({ queryKey: [...stockKey, 'warehouses'], enabled, queryFn: () => unwrap(http({ method: 'GET', path: '/stock/warehouses', schema: WarehouseList })) });
}

/** A place's stock (a store of the caller's, or for HQ a warehouse). */
export function useStockLevels(placeId: string | undefined) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: [...stockKey, 'levels', placeId],
    enabled: placeId !== undefined,
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/levels${queryString({ placeId })}`, schema: StockLevelList })),
  });
}

/** The caller's stores' requisitions, and asking for goods or cancelling a request not yet allocated. */
export function useRequisitions(filter: { storeId?: string | undefined; warehouseId?: string | undefined; status?: RequisitionStatus | undefined }) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'requisitions', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/requisitions${queryString(filter)}`, schema: RequisitionList })),
  });
  const create = useHqMutation((body: RequisitionBody) => ({ method: 'POST', path: '/stock/requisitions', schema: Requisition, body }), [stockKey]);
  const cancel = useHqMutation((id: string) => ({ method: 'POST', path: `/stock/requisitions/${id}/cancel`, schema: Requisition, body: {} }), [stockKey]);
  return { list, create, cancel };
}

/** Which page of an allocation's products to show: by SKU, only those short, or those matching a text. */
export interface AllocationPage {
  offset: number;
  limit: number;
  short: boolean;
  q: string;
}

/** HQ's allocations of a warehouse (newest first), a page of one of them, and what HQ does with a draft. */
export function useAllocations(warehouseId: string | undefined, openId: string | undefined, page?: AllocationPage) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'allocations', warehouseId],
    enabled: warehouseId !== undefined,
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/allocations${queryString({ warehouseId })}`, schema: AllocationList })),
  });
  const open = useQuery({
    queryKey: [...stockKey, 'allocation', openId, page],
    enabled: openId !== undefined,
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(http({
      method: 'GET', schema: Allocation,
      path: `/stock/allocations/${openId}${queryString({ offset: page && String(page.offset), limit: page && String(page.limit), short: page?.short ? 'true' : undefined, q: page?.q || undefined })}`,
    })),
  });
  const run = useHqMutation((warehouse: string) => ({ method: 'POST', path: '/stock/allocations', schema: Allocation, body: { warehouseId: warehouse } }), [stockKey]);
  const adjust = useHqMutation(({ id, body }: { id: string; body: AllocationAdjustBody }) => ({ method: 'PUT', path: `/stock/allocations/${id}/lines`, schema: Allocation, body }), [stockKey]);
  const ship = useHqMutation((id: string) => ({ method: 'POST', path: `/stock/allocations/${id}/ship`, schema: Allocation, body: {} }), [stockKey]);
  const cancel = useHqMutation((id: string) => ({ method: 'POST', path: `/stock/allocations/${id}/cancel`, schema: Allocation, body: {} }), [stockKey]);
  return { list, open, run, adjust, ship, cancel };
}

/** Shipments to the caller's stores, and a store recording what arrived. */
export function useShipments(filter: { storeId?: string | undefined; status?: Shipment['status'] | undefined }) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'shipments', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/shipments${queryString(filter)}`, schema: ShipmentList })),
  });
  const receive = useHqMutation(({ id, body }: { id: string; body: ReceiveBody }) => ({ method: 'POST', path: `/stock/shipments/${id}/receive`, schema: Shipment, body }), [stockKey]);
  return { list, receive };
}
