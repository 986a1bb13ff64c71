import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { pageQuery, QueryFlag } from './paging';

/** A whole number of units, as stock counts them. */
export const Units = z.number().int().min(0).max(1_000_000);

export const Warehouse = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean() });
export type Warehouse = z.infer<typeof Warehouse>;
export const WarehouseList = z.object({ items: z.array(Warehouse) });
export type WarehouseList = z.infer<typeof WarehouseList>;

export const RequisitionStatus = z.enum(['asked', 'allocated', 'shipped', 'received', 'cancelled']);
export type RequisitionStatus = z.infer<typeof RequisitionStatus>;
export const RequisitionKind = z.enum(['request', 'push']);
export type RequisitionKind = z.infer<typeof RequisitionKind>;

/** Each product once in a document's lines. */
export const uniqueProducts = (lines: readonly { productId: string }[]) => new Set(lines.map((l) => l.productId)).size === lines.length;

/**
 * A store asking a warehouse for goods (门店要货), or HQ pushing goods to it unasked (`push`, HQ
 * only: 总部配货). Each product once, in units.
 */
export const RequisitionBody = z.object({
  storeId: z.uuid(),
  warehouseId: z.uuid(),
  kind: RequisitionKind.default('request'),
  lines: z.array(z.object({ productId: z.uuid(), quantity: Units.min(1) })).min(1).max(500).refine(uniqueProducts, 'each product may be asked for once'),
  note: SafeText.max(200).optional(),
});
export type RequisitionBody = z.infer<typeof RequisitionBody>;

export const RequisitionLine = z.object({
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  asked: z.number().int(),
  allocated: z.number().int(),
  shipped: z.number().int(),
  received: z.number().int(),
});
export type RequisitionLine = z.infer<typeof RequisitionLine>;

export const Requisition = z.object({
  id: z.uuid(),
  no: z.string(),
  storeId: z.uuid(),
  storeCode: z.string(),
  warehouseId: z.uuid(),
  kind: RequisitionKind,
  status: RequisitionStatus,
  note: z.string().nullable(),
  createdAt: IsoDateTime,
  /** Asked (or allocated) and not shipped for longer than the reminder allows (未配送单据提醒). */
  overdue: z.boolean(),
  lines: z.array(RequisitionLine),
});
export type Requisition = z.infer<typeof Requisition>;

export const RequisitionList = z.object({ items: z.array(Requisition), overdueAfterHours: z.number().int() });
export type RequisitionList = z.infer<typeof RequisitionList>;

export const RequisitionsQuery = z.object({
  storeId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  status: RequisitionStatus.optional(),
});

export const AllocationRunBody = z.object({ warehouseId: z.uuid() });

/**
 * Why a store got what it got of a product: the facts, and how the rules used them (see
 * `allocateProduct`). Stock on hand and on the way are null when the rules had no need of them:
 * the centre held enough for every store's ask, so each got all it asked.
 */
export const AllocationWhySchema = z.object({
  priority: z.number().int(),
  asked: z.number().int().nullable(),
  ideal: z.number().int().nullable(),
  onHand: z.number().int().nullable(),
  inTransit: z.number().int().nullable(),
  need: z.number().int(),
  maxPacks: z.number().int(),
  outcome: z.enum(['full', 'proportional', 'none_left', 'no_need']),
  shareUnits: z.number().nullable(),
});

/** A store's part of a product in an allocation: what the rules gave, what ships (a manager may change it before shipping), and why. */
export const AllocationLine = z.object({
  storeId: z.uuid(),
  storeCode: z.string(),
  proposed: z.number().int(),
  quantity: z.number().int(),
  why: AllocationWhySchema,
});
export type AllocationLine = z.infer<typeof AllocationLine>;

export const AllocationStatus = z.enum(['draft', 'shipped', 'cancelled']);

/**
 * A product of an allocation: what the warehouse held for the run, what ships of it, whether it
 * was short (some store got less than it needed), and every claiming store's line.
 */
export const AllocationProduct = z.object({
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  packSize: z.number().int(),
  available: z.number().int(),
  allocated: z.number().int(),
  short: z.boolean(),
  lines: z.array(AllocationLine),
});
export type AllocationProduct = z.infer<typeof AllocationProduct>;

/** A run's size: its products, stores and claims, the units it sends and the products it was short of. */
export const AllocationTotals = z.object({
  products: z.number().int(),
  stores: z.number().int(),
  claims: z.number().int(),
  units: z.number().int(),
  productsShort: z.number().int(),
});

/** An allocation: its totals and one page of its products (by SKU), each with its stores' lines. */
export const Allocation = z.object({
  id: z.uuid(),
  no: z.string(),
  warehouseId: z.uuid(),
  status: AllocationStatus,
  createdAt: IsoDateTime,
  shippedAt: IsoDateTime.nullable(),
  totals: AllocationTotals,
  products: z.object({ items: z.array(AllocationProduct), total: z.number().int(), offset: z.number().int(), limit: z.number().int() }),
});
export type Allocation = z.infer<typeof Allocation>;

/** Which page of an allocation's products: by SKU, optionally only those short, or those whose SKU or name holds `q`. */
export const AllocationPageQuery = pageQuery(['sku']).pick({ offset: true, q: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  short: QueryFlag.optional(),
});
export type AllocationPageQuery = z.infer<typeof AllocationPageQuery>;

/** An allocation as a list shows it: how many stores and units it gives, without its products. */
export const AllocationSummary = Allocation.pick({ id: true, no: true, warehouseId: true, status: true, createdAt: true, shippedAt: true })
  .extend({ stores: z.number().int(), units: z.number().int() });
export type AllocationSummary = z.infer<typeof AllocationSummary>;
export const AllocationList = z.object({ items: z.array(AllocationSummary) });
export const AllocationsQuery = z.object({ warehouseId: z.uuid().optional(), status: AllocationStatus.optional() });

export const AllocationAdjustBody = z.object({
  lines: z.array(z.object({ storeId: z.uuid(), productId: z.uuid(), quantity: Units })).min(1).max(5000),
});
export type AllocationAdjustBody = z.infer<typeof AllocationAdjustBody>;

export const ShipmentStatus = z.enum(['in_transit', 'received']);

export const ShipmentLine = z.object({
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  shipped: z.number().int(),
  received: z.number().int().nullable(),
  /** Received less shipped once received: below zero short, above zero over. */
  difference: z.number().int().nullable(),
  /** What a franchisee's store pays a unit (配送价); null for HQ's own stores. */
  unitPriceMinor: z.number().int().nullable(),
});

export const Shipment = z.object({
  id: z.uuid(),
  no: z.string(),
  warehouseId: z.uuid(),
  storeId: z.uuid(),
  storeCode: z.string(),
  allocationId: z.uuid().nullable(),
  status: ShipmentStatus,
  shippedAt: IsoDateTime,
  receivedAt: IsoDateTime.nullable(),
  /** What the franchisee pays for the shipment at the transfer price: for what arrived once received (null for HQ's own stores). */
  valueMinor: z.number().int().nullable(),
  lines: z.array(ShipmentLine),
});
export type Shipment = z.infer<typeof Shipment>;

export const ShipmentList = z.object({ items: z.array(Shipment) });
export const ShipmentsQuery = z.object({ storeId: z.uuid().optional(), status: ShipmentStatus.optional() });

/** What the store counted off the truck, per product of the shipment: every product once, each of them. */
export const ReceiveBody = z.object({
  lines: z.array(z.object({ productId: z.uuid(), received: Units })).min(1).max(5000).refine(uniqueProducts, 'each product may be counted once'),
});
export type ReceiveBody = z.infer<typeof ReceiveBody>;

/** A product's stock at a place: on hand, and on its way there. */
export const StockLevel = z.object({
  placeId: z.uuid(),
  placeCode: z.string(),
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  quantity: z.number().int(),
  inTransit: z.number().int(),
});
export type StockLevel = z.infer<typeof StockLevel>;

export const StockLevelsQuery = z.object({
  placeId: z.uuid(),
  productId: z.uuid().optional(),
});
export const StockLevelList = z.object({ items: z.array(StockLevel) });

/** At the till (库存查询): this store's stock of a product, and its sibling stores' (online only). */
export const TillStockLookup = z.object({
  productId: z.uuid(),
  here: z.object({ quantity: z.number().int(), inTransit: z.number().int() }),
  siblings: z.array(z.object({ storeId: z.uuid(), storeCode: z.string(), nameZh: z.string(), nameEn: z.string(), quantity: z.number().int() })),
});
export type TillStockLookup = z.infer<typeof TillStockLookup>;
