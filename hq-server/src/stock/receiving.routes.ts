import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  GoodsReceipt, GoodsReceiptBody, GoodsReceiptList, PurchaseOrder, PurchaseOrderBody, PurchaseOrderList, PurchaseOrdersQuery, ReceivingDocumentsQuery, ReceivingPlaceList,
  ReceivingSupplierList, StockValuationList, StockValuationQuery, SupplierReturn, SupplierReturnBody, SupplierReturnList,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import {
  documentInScope, listGoodsReceipts, listPurchaseOrders, listSupplierReturns, loadGoodsReceipts, loadPurchaseOrders, loadSupplierReturns, placesInScope, stockValuation,
} from './receiving.queries';
import { cancelPurchaseOrder, createPurchaseOrder, receiveGoods, receivingSuppliers, returnToSupplier } from './receiving.service';

const tags = ['stock'];

const placesRoute = createRoute({
  method: 'get', path: '/stock/receiving/places', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Where the caller receives goods from suppliers: its stores, and for HQ the warehouses',
  responses: { 200: jsonResponse(ReceivingPlaceList, 'The places'), ...commonErrors },
});

const suppliersRoute = createRoute({
  method: 'get', path: '/stock/receiving/suppliers', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'The chain’s active suppliers, by code, to order and receive from',
  responses: { 200: jsonResponse(ReceivingSupplierList, 'The suppliers'), ...commonErrors },
});

const ordersRoute = createRoute({
  method: 'get', path: '/stock/purchase-orders', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Purchase orders (采购订单) of the caller’s places, newest first, at most 200, with what each line still awaits',
  request: { query: PurchaseOrdersQuery },
  responses: { 200: jsonResponse(PurchaseOrderList, 'The orders'), ...commonErrors },
});

const createOrderRoute = createRoute({
  method: 'post', path: '/stock/purchase-orders', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Order goods from a supplier for a store of the caller’s (or, for HQ, a warehouse); a line without a cost takes the cost agreed with the supplier; the client’s id makes a retry create it once',
  request: { body: jsonBody(PurchaseOrderBody) },
  responses: { 201: jsonResponse(PurchaseOrder, 'Ordered'), ...commonErrors },
});

const orderRoute = createRoute({
  method: 'get', path: '/stock/purchase-orders/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A purchase order of the caller’s places',
  request: { params: IdParams },
  responses: { 200: jsonResponse(PurchaseOrder, 'The order'), ...commonErrors },
});

const cancelOrderRoute = createRoute({
  method: 'post', path: '/stock/purchase-orders/{id}/cancel', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Cancel what an order still awaits (open, or the rest of one partly received)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(PurchaseOrder, 'Cancelled'), ...commonErrors },
});

const receiptsRoute = createRoute({
  method: 'get', path: '/stock/goods-receipts', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Goods received from suppliers (收货单) at the caller’s places, newest first, at most 200, each line with its difference against the order',
  request: { query: ReceivingDocumentsQuery },
  responses: { 200: jsonResponse(GoodsReceiptList, 'The receipts'), ...commonErrors },
});

const receiveRoute = createRoute({
  method: 'post', path: '/stock/goods-receipts', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Receive goods from a supplier, against one of their orders for the place or none: the goods join the stock at their cost (moving average); the client’s id makes a retry receive them once',
  request: { body: jsonBody(GoodsReceiptBody) },
  responses: { 201: jsonResponse(GoodsReceipt, 'Received'), ...commonErrors },
});

const receiptRoute = createRoute({
  method: 'get', path: '/stock/goods-receipts/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A goods receipt of the caller’s places, for its printed note',
  request: { params: IdParams },
  responses: { 200: jsonResponse(GoodsReceipt, 'The receipt'), ...commonErrors },
});

const returnsRoute = createRoute({
  method: 'get', path: '/stock/supplier-returns', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Goods sent back to suppliers (退货单) from the caller’s places, newest first, at most 200',
  request: { query: ReceivingDocumentsQuery },
  responses: { 200: jsonResponse(SupplierReturnList, 'The returns'), ...commonErrors },
});

const returnRoute = createRoute({
  method: 'post', path: '/stock/supplier-returns', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Send goods back to a supplier, never more than the place has on hand; they leave at the moving average; the client’s id makes a retry return them once',
  request: { body: jsonBody(SupplierReturnBody) },
  responses: { 201: jsonResponse(SupplierReturn, 'Returned'), ...commonErrors },
});

const supplierReturnRoute = createRoute({
  method: 'get', path: '/stock/supplier-returns/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A supplier return of the caller’s places, for its printed note',
  request: { params: IdParams },
  responses: { 200: jsonResponse(SupplierReturn, 'The return'), ...commonErrors },
});

const valuationRoute = createRoute({
  method: 'get', path: '/stock/valuation', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A place’s stock at cost (库存金额): on hand, value and moving-average cost of a unit, for those whose role sees cost',
  request: { query: StockValuationQuery },
  responses: { 200: jsonResponse(StockValuationList, 'The stock at cost'), ...commonErrors },
});

export const receivingRoutes = new OpenAPIHono<AppEnv>()
  .openapi(placesRoute, async (c) => c.json({ items: await placesInScope(c.var.deps.db, c.var.principal) }, 200))
  .openapi(suppliersRoute, async (c) => c.json({ items: await receivingSuppliers(c.var.deps, c.var.principal) }, 200))
  .openapi(ordersRoute, async (c) => c.json({ items: await listPurchaseOrders(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(createOrderRoute, async (c) => c.json(await createPurchaseOrder(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(orderRoute, async (c) => c.json(await documentInScope(c.var.deps, c.var.principal, c.req.valid('param').id, loadPurchaseOrders, 'o'), 200))
  .openapi(cancelOrderRoute, async (c) => c.json(await cancelPurchaseOrder(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(receiptsRoute, async (c) => c.json({ items: await listGoodsReceipts(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(receiveRoute, async (c) => c.json(await receiveGoods(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(receiptRoute, async (c) => c.json(await documentInScope(c.var.deps, c.var.principal, c.req.valid('param').id, loadGoodsReceipts, 'g'), 200))
  .openapi(returnsRoute, async (c) => c.json({ items: await listSupplierReturns(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(returnRoute, async (c) => c.json(await returnToSupplier(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(supplierReturnRoute, async (c) => c.json(await documentInScope(c.var.deps, c.var.principal, c.req.valid('param').id, loadSupplierReturns, 'v'), 200))
  .openapi(valuationRoute, async (c) => {
    const { placeId, productId } = c.req.valid('query');
    return c.json({ items: await stockValuation(c.var.deps, c.var.principal, placeId, productId) }, 200);
  });
