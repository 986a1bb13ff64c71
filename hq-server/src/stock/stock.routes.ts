import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  Allocation, AllocationAdjustBody, AllocationList, AllocationPageQuery, AllocationsQuery, AllocationRunBody, ReceiveBody, Requisition, RequisitionBody, RequisitionList, RequisitionsQuery, Shipment, ShipmentList, ShipmentsQuery,
  StockLevelList, StockLevelsQuery, TillStockLookup, WarehouseList,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { adjustAllocation, cancelAllocation, listAllocations, loadAllocation, runAllocation, shipAllocation } from './allocation.service';
import { cancelRequisition, createRequisition, listRequisitions, listShipments, listWarehouses, receiveShipment, stockLevelsAt, tillStockLookup } from './distribution.service';

const tags = ['stock'];

const warehousesRoute = createRoute({
  method: 'get', path: '/stock/warehouses', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'The chain’s warehouses (配送中心): where HQ keeps goods to send to stores',
  responses: { 200: jsonResponse(WarehouseList, 'The warehouses'), ...commonErrors },
});

const requisitionsRoute = createRoute({
  method: 'get', path: '/stock/requisitions', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'The caller’s stores’ requisitions (门店要货单), newest first, at most 200; those asked and not shipped too long are flagged overdue (未配送单据提醒)',
  request: { query: RequisitionsQuery },
  responses: { 200: jsonResponse(RequisitionList, 'The requisitions'), ...commonErrors },
});

const createRequisitionRoute = createRoute({
  method: 'post', path: '/stock/requisitions', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'A store asks a warehouse for goods, in units; HQ may also push goods to a store unasked (`kind: push`, 总部配货)',
  request: { body: jsonBody(RequisitionBody) },
  responses: { 201: jsonResponse(Requisition, 'Asked'), ...commonErrors },
});

const cancelRequisitionRoute = createRoute({
  method: 'post', path: '/stock/requisitions/{id}/cancel', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Cancel a requisition not yet allocated',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Requisition, 'Cancelled'), ...commonErrors },
});

const runAllocationRoute = createRoute({
  method: 'post', path: '/stock/allocations', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Allocate a warehouse’s stock over its waiting requisitions (HQ only): by store priority, then in proportion to need, in whole packs, each store’s share explained; a draft until it ships, one draft per warehouse at a time',
  request: { body: jsonBody(AllocationRunBody) },
  responses: { 201: jsonResponse(Allocation, 'The draft allocation'), ...commonErrors },
});

const allocationsRoute = createRoute({
  method: 'get', path: '/stock/allocations', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit'), requireRole('hq_admin')] as const,
  summary: 'The chain’s allocations, newest first, at most 100, each with how many stores and units it gives (HQ only)',
  request: { query: AllocationsQuery },
  responses: { 200: jsonResponse(AllocationList, 'The allocations'), ...commonErrors },
});

const allocationRoute = createRoute({
  method: 'get', path: '/stock/allocations/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit'), requireRole('hq_admin')] as const,
  summary: 'An allocation’s totals and a page of its products (by SKU; only those short, or matching a text), each with every claiming store’s proposal, quantity and why',
  request: { params: IdParams, query: AllocationPageQuery },
  responses: { 200: jsonResponse(Allocation, 'The allocation'), ...commonErrors },
});

const adjustAllocationRoute = createRoute({
  method: 'put', path: '/stock/allocations/{id}/lines', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Change what stores get before shipping: whole packs, and per product no more than the warehouse holds; nothing changes when any line is wrong',
  request: { params: IdParams, body: jsonBody(AllocationAdjustBody) },
  responses: { 200: jsonResponse(Allocation, 'Changed'), ...commonErrors },
});

const shipAllocationRoute = createRoute({
  method: 'post', path: '/stock/allocations/{id}/ship', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Ship a draft allocation: a shipment (配送单) per store, the goods leaving the warehouse and on their way to the stores',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Allocation, 'Shipped'), ...commonErrors },
});

const cancelAllocationRoute = createRoute({
  method: 'post', path: '/stock/allocations/{id}/cancel', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Cancel a draft allocation: its requisitions wait for the next run again',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Allocation, 'Cancelled'), ...commonErrors },
});

const shipmentsRoute = createRoute({
  method: 'get', path: '/stock/shipments', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Shipments to the caller’s stores, newest first, at most 200, with what arrived of each line once received',
  request: { query: ShipmentsQuery },
  responses: { 200: jsonResponse(ShipmentList, 'The shipments'), ...commonErrors },
});

const receiveRoute = createRoute({
  method: 'post', path: '/stock/shipments/{id}/receive', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'The store records what arrived of a shipment, every product once: the goods join its stock, short or over shows per line',
  request: { params: IdParams, body: jsonBody(ReceiveBody) },
  responses: { 200: jsonResponse(Shipment, 'Received'), ...commonErrors },
});

const levelsRoute = createRoute({
  method: 'get', path: '/stock/levels', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A place’s stock: one of the caller’s stores, or (HQ) a warehouse; of one product or all it holds (at most 5,000)',
  request: { query: StockLevelsQuery },
  responses: { 200: jsonResponse(StockLevelList, 'The levels'), ...commonErrors },
});

const tillLookupRoute = createRoute({
  method: 'get', path: '/stock/lookup/{id}', tags, security: bearer, middleware: [authenticate('device')] as const,
  summary: 'At the till (库存查询): this store’s stock of the product `id`, and what the chain’s other open stores hold of it',
  request: { params: IdParams },
  responses: { 200: jsonResponse(TillStockLookup, 'The stock'), ...commonErrors },
});

export const stockRoutes = new OpenAPIHono<AppEnv>()
  .openapi(warehousesRoute, async (c) => c.json({ items: await listWarehouses(c.var.deps.db, c.var.principal.chainId) }, 200))
  .openapi(requisitionsRoute, async (c) => c.json(await listRequisitions(c.var.deps, c.var.principal, c.req.valid('query')), 200))
  .openapi(createRequisitionRoute, async (c) => c.json(await createRequisition(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(cancelRequisitionRoute, async (c) => c.json(await cancelRequisition(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(runAllocationRoute, async (c) => c.json(await runAllocation(c.var.deps, c.var.principal, c.req.valid('json').warehouseId), 201))
  .openapi(allocationsRoute, async (c) => c.json({ items: await listAllocations(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(allocationRoute, async (c) => c.json(await loadAllocation(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(adjustAllocationRoute, async (c) => c.json(await adjustAllocation(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(shipAllocationRoute, async (c) => c.json(await shipAllocation(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(cancelAllocationRoute, async (c) => c.json(await cancelAllocation(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(shipmentsRoute, async (c) => c.json({ items: await listShipments(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(receiveRoute, async (c) => c.json(await receiveShipment(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(levelsRoute, async (c) => {
    const { placeId, productId } = c.req.valid('query');
    return c.json({ items: await stockLevelsAt(c.var.deps, c.var.principal, placeId, productId) }, 200);
  })
  .openapi(tillLookupRoute, async (c) => c.json(await tillStockLookup(c.var.deps, c.var.principal, c.req.valid('param').id), 200));
