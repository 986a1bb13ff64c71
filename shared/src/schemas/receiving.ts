import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';

/** A whole number of units, as stock counts them. */
const Units = z.number().int().min(0).max(1_000_000);
/** What a unit costs, in minor units. */
const UnitCost = z.number().int().min(0).max(100_000_000);
const uniqueProducts = (lines: readonly { productId: string }[]) => new Set(lines.map((l) => l.productId)).size === lines.length;

/**
 * A line of goods from a supplier: a product, how many and what a unit costs. Without a cost the
 * line takes the cost agreed with the supplier (the order's for goods ordered, else the
 * supplier's product list).
 */
const CostedLine = z.object({ productId: z.uuid(), quantity: Units.min(1), unitCostMinor: UnitCost.optional() });
const costedLines = <T extends z.ZodType<{ productId: string }>>(line: T) => z.array(line).min(1).max(500).refine(uniqueProducts, 'each product once');

/** Where goods are received: one of the caller's stores, or for HQ a warehouse (配送中心). */
export const ReceivingPlace = z.object({ id: z.uuid(), kind: z.enum(['store', 'warehouse']), code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type ReceivingPlace = z.infer<typeof ReceivingPlace>;
export const ReceivingPlaceList = z.object({ items: z.array(ReceivingPlace) });

/** The chain's active suppliers, to order from or receive from. */
export const ReceivingSupplier = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type ReceivingSupplier = z.infer<typeof ReceivingSupplier>;
export const ReceivingSupplierList = z.object({ items: z.array(ReceivingSupplier) });

export const PurchaseOrderStatus = z.enum(['open', 'partly_received', 'received', 'cancelled']);
export type PurchaseOrderStatus = z.infer<typeof PurchaseOrderStatus>;

/** A purchase order (采购订单). The id is the client's, so a retry creates it once. */
export const PurchaseOrderBody = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  placeId: z.uuid(),
  lines: costedLines(CostedLine),
  note: SafeText.max(200).optional(),
});
export type PurchaseOrderBody = z.infer<typeof PurchaseOrderBody>;

const ProductRef = { productId: z.uuid(), sku: z.string(), barcode: z.string().nullable(), nameZh: z.string(), nameEn: z.string() };

export const PurchaseOrderLine = z.object({
  ...ProductRef,
  quantity: z.number().int(),
  received: z.number().int(),
  /** Ordered less received, never below zero: what the order still awaits. */
  outstanding: z.number().int(),
  /** The cost agreed for the order; null for a caller whose role does not see cost. */
  unitCostMinor: z.number().int().nullable(),
});
export type PurchaseOrderLine = z.infer<typeof PurchaseOrderLine>;

export const PurchaseOrder = z.object({
  id: z.uuid(),
  no: z.string(),
  supplier: ReceivingSupplier,
  place: ReceivingPlace,
  status: PurchaseOrderStatus,
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** What the order is worth at its agreed costs; null without the right to see cost. */
  valueMinor: z.number().int().nullable(),
  lines: z.array(PurchaseOrderLine),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;
export const PurchaseOrderList = z.object({ items: z.array(PurchaseOrder) });

export const PurchaseOrdersQuery = z.object({
  placeId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  status: PurchaseOrderStatus.optional(),
});
export type PurchaseOrdersQuery = z.infer<typeof PurchaseOrdersQuery>;

/**
 * Goods received from a supplier (收货单), against one of their purchase orders or none. The id is
 * the client's, so a retry receives the goods once. Against an order a line may say that none of
 * an ordered product came (quantity 0), to show the shortfall; a product not ordered may come too.
 */
export const GoodsReceiptBody = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  placeId: z.uuid(),
  purchaseOrderId: z.uuid().optional(),
  lines: costedLines(CostedLine.extend({ quantity: Units })),
  note: SafeText.max(200).optional(),
}).refine((r) => r.lines.some((l) => l.quantity > 0), { message: 'receive at least one unit', path: ['lines'] })
  .refine((r) => r.purchaseOrderId !== undefined || r.lines.every((l) => l.quantity > 0), { message: 'without an order, every line receives at least one unit', path: ['lines'] });
export type GoodsReceiptBody = z.infer<typeof GoodsReceiptBody>;

export const GoodsReceiptLine = z.object({
  ...ProductRef,
  quantity: z.number().int(),
  unitCostMinor: z.number().int().nullable(),
  /** What the order still awaited of the product when the goods came (0 if not ordered); null without an order. */
  expected: z.number().int().nullable(),
  /** Received less expected: below zero short, above zero over; null without an order. */
  difference: z.number().int().nullable(),
});
export type GoodsReceiptLine = z.infer<typeof GoodsReceiptLine>;

export const GoodsReceipt = z.object({
  id: z.uuid(),
  no: z.string(),
  supplier: ReceivingSupplier,
  place: ReceivingPlace,
  purchaseOrder: z.object({ id: z.uuid(), no: z.string() }).nullable(),
  note: z.string().nullable(),
  receivedBy: z.string(),
  receivedAt: IsoDateTime,
  valueMinor: z.number().int().nullable(),
  lines: z.array(GoodsReceiptLine),
});
export type GoodsReceipt = z.infer<typeof GoodsReceipt>;
export const GoodsReceiptList = z.object({ items: z.array(GoodsReceipt) });

export const ReceivingDocumentsQuery = z.object({ placeId: z.uuid().optional(), supplierId: z.uuid().optional() });
export type ReceivingDocumentsQuery = z.infer<typeof ReceivingDocumentsQuery>;

export const SupplierReturnReason = z.enum(['damaged', 'expired', 'wrong_goods', 'overstock', 'recall', 'other']);
export type SupplierReturnReason = z.infer<typeof SupplierReturnReason>;

/**
 * Goods sent back to their supplier (退货单), never more than the place has on hand. The id is the
 * client's, so a retry returns them once. A line's cost is what the supplier credits for a unit.
 */
export const SupplierReturnBody = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  placeId: z.uuid(),
  reason: SupplierReturnReason,
  lines: costedLines(CostedLine),
  note: SafeText.max(200).optional(),
});
export type SupplierReturnBody = z.infer<typeof SupplierReturnBody>;

export const SupplierReturnLine = z.object({ ...ProductRef, quantity: z.number().int(), unitCostMinor: z.number().int().nullable() });
export type SupplierReturnLine = z.infer<typeof SupplierReturnLine>;

export const SupplierReturn = z.object({
  id: z.uuid(),
  no: z.string(),
  supplier: ReceivingSupplier,
  place: ReceivingPlace,
  reason: SupplierReturnReason,
  note: z.string().nullable(),
  returnedBy: z.string(),
  returnedAt: IsoDateTime,
  valueMinor: z.number().int().nullable(),
  lines: z.array(SupplierReturnLine),
});
export type SupplierReturn = z.infer<typeof SupplierReturn>;
export const SupplierReturnList = z.object({ items: z.array(SupplierReturn) });

/** A place's stock of products at cost: on hand, its value and the moving-average cost of a unit (null without the right to see cost). */
export const StockValuation = z.object({
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  quantity: z.number().int(),
  valueMinor: z.number().int().nullable(),
  averageCostMinor: z.number().int().nullable(),
});
export type StockValuation = z.infer<typeof StockValuation>;
export const StockValuationList = z.object({ items: z.array(StockValuation) });
export const StockValuationQuery = z.object({ placeId: z.uuid(), productId: z.uuid().optional() });
