import { useQuery } from '@tanstack/react-query';
import {
  GoodsReceipt, GoodsReceiptList, ProductPage, PurchaseOrder, PurchaseOrderList, ReceivingPlaceList, ReceivingSupplierList, SupplierReturn, SupplierReturnList,
  type GoodsReceiptBody, type PurchaseOrderBody, type PurchaseOrderStatus, type SupplierReturnBody,
} from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { encodeTableParams } from '../office-core/server-table-params';
import { useHqMutation } from '../office-core/use-hq-mutation';
import { queryString, stockKey } from '../office-stock/use-stock';

type Filter = { placeId?: string | undefined; supplierId?: string | undefined };

/** Where the caller receives goods (its stores; for HQ the warehouses too) and the suppliers to order from. */
export function useReceivingChoices() {
  const http = useOfficeHttp();
  const places = useQuery({
    queryKey: [...stockKey, 'receiving-places'], staleTime: 5 * 60_000,
    queryFn: () => unwrap(http({ method: 'GET', path: '/stock/receiving/places', schema: ReceivingPlaceList })),
  });
  const suppliers = useQuery({
    queryKey: [...stockKey, 'receiving-suppliers'], staleTime: 5 * 60_000,
    queryFn: () => unwrap(http({ method: 'GET', path: '/stock/receiving/suppliers', schema: ReceivingSupplierList })),
  });
  return { places, suppliers };
}

/** Purchase orders of the caller's places, ordering and cancelling. */
export function usePurchaseOrders(filter: Filter & { status?: PurchaseOrderStatus | undefined }) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'purchase-orders', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/purchase-orders${queryString(filter)}`, schema: PurchaseOrderList })),
  });
  const create = useHqMutation((body: PurchaseOrderBody) => ({ method: 'POST', path: '/stock/purchase-orders', schema: PurchaseOrder, body }), [stockKey]);
  const cancel = useHqMutation((id: string) => ({ method: 'POST', path: `/stock/purchase-orders/${id}/cancel`, schema: PurchaseOrder, body: {} }), [stockKey]);
  return { list, create, cancel };
}

/** Goods received at the caller's places, and receiving more. */
export function useGoodsReceipts(filter: Filter) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'goods-receipts', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/goods-receipts${queryString(filter)}`, schema: GoodsReceiptList })),
  });
  const receive = useHqMutation((body: GoodsReceiptBody) => ({ method: 'POST', path: '/stock/goods-receipts', schema: GoodsReceipt, body }), [stockKey]);
  return { list, receive };
}

/** Goods sent back to suppliers from the caller's places, and sending more back. */
export function useSupplierReturns(filter: Filter) {
  const http = useOfficeHttp();
  const list = useQuery({
    queryKey: [...stockKey, 'supplier-returns', filter],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/supplier-returns${queryString(filter)}`, schema: SupplierReturnList })),
  });
  const send = useHqMutation((body: SupplierReturnBody) => ({ method: 'POST', path: '/stock/supplier-returns', schema: SupplierReturn, body }), [stockKey]);
  return { list, send };
}

/** A product named by a scanned or typed barcode or SKU, or null when no single product has it. */
export function useFindByCode() {
  const http = useOfficeHttp();
  return async (code: string) => {
    const found = await unwrap(http({ method: 'GET', path: `/catalog/products?${encodeTableParams({ limit: 5, offset: 0, q: code, filters: {} })}`, schema: ProductPage }));
    const exact = found.items.filter((i) => i.barcodes.includes(code) || i.product.sku === code);
    return exact.length === 1 ? { ...exact[0]!.product, barcode: exact[0]!.barcodes[0] ?? null } : null;
  };
}
