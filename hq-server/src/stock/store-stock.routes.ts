import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  ReceiveBody, StockCount, StockCountBody, StockCountEntryBody, StockCountList, StockCountPostBody, StockCountsQuery, StockOverview, StockOverviewQuery, TillCountScanBody, TillStockCount, Transfer, TransferBody, TransferDestinationList, TransferList, TransfersQuery,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { stockOverview } from './stock-overview.service';
import { cancelCount, countInScope, enterCounts, listCounts, openCount, postCount, scanAtTill, tillCount } from './counts.service';
import { listTransfers, receiveTransfer, shipTransfer, transferDestinations, transferInScope } from './transfers.service';

const tags = ['stock'];

const overviewRoute = createRoute({
  method: 'get', path: '/stock/overview', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Stock by store and product in the caller’s stores (库存查询), by store, category, supplier or text: on hand, on the way, value at cost (if the caller sees cost) and days of cover; at most 1,000 rows, totals over all',
  request: { query: StockOverviewQuery },
  responses: { 200: jsonResponse(StockOverview, 'The stock'), ...commonErrors },
});

const transfersRoute = createRoute({
  method: 'get', path: '/stock/transfers', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Transfers (调拨单) sent from or to the caller’s stores, newest first, at most 200',
  request: { query: TransfersQuery },
  responses: { 200: jsonResponse(TransferList, 'The transfers'), ...commonErrors },
});

const destinationsRoute = createRoute({
  method: 'get', path: '/stock/transfer-destinations', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'The chain’s open stores a transfer may go to, whoever owns them',
  responses: { 200: jsonResponse(TransferDestinationList, 'The stores'), ...commonErrors },
});

const shipTransferRoute = createRoute({
  method: 'post', path: '/stock/transfers', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'One of the caller’s stores ships goods to another store of the chain (门店间直调): they leave its stock now and are on their way; between owners at the transfer price. A retry with the same id ships nothing more',
  request: { body: jsonBody(TransferBody) },
  responses: { 201: jsonResponse(Transfer, 'Shipped (or shipped already)'), ...commonErrors },
});

const transferRoute = createRoute({
  method: 'get', path: '/stock/transfers/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A transfer one of the caller’s stores sent or receives, with its lines (for the transfer note)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Transfer, 'The transfer'), ...commonErrors },
});

const receiveTransferRoute = createRoute({
  method: 'post', path: '/stock/transfers/{id}/receive', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'The receiving store confirms what arrived, every product once: the goods join its stock, short or over shows per line',
  request: { params: IdParams, body: jsonBody(ReceiveBody) },
  responses: { 200: jsonResponse(Transfer, 'Received'), ...commonErrors },
});

const countsRoute = createRoute({
  method: 'get', path: '/stock/counts', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'Stock counts (盘点单) of the caller’s stores, newest first, at most 200, without their lines',
  request: { query: StockCountsQuery },
  responses: { 200: jsonResponse(StockCountList, 'The counts'), ...commonErrors },
});

const openCountRoute = createRoute({
  method: 'post', path: '/stock/counts', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Open a count of a store, a category or a shelf: the book is frozen at this moment; one open count per store',
  request: { body: jsonBody(StockCountBody) },
  responses: { 201: jsonResponse(StockCount, 'Opened'), ...commonErrors },
});

const countRoute = createRoute({
  method: 'get', path: '/stock/counts/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A count with its lines: the book at the start, what was counted, and each difference (as it would post now, while open)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(StockCount, 'The count'), ...commonErrors },
});

const enterCountsRoute = createRoute({
  method: 'post', path: '/stock/counts/{id}/lines', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Enter counts: how many are there (`set`), or one more scanned (`add`); a product not on the sheet joins it',
  request: { params: IdParams, body: jsonBody(StockCountEntryBody) },
  responses: { 200: jsonResponse(StockCount, 'Counted'), ...commonErrors },
});

const postCountRoute = createRoute({
  method: 'post', path: '/stock/counts/{id}/post', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'A manager approves the differences and posts them to the stock ledger (never a cashier); uncounted lines are kept or counted as none there',
  request: { params: IdParams, body: jsonBody(StockCountPostBody) },
  responses: { 200: jsonResponse(StockCount, 'Posted'), ...commonErrors },
});

const cancelCountRoute = createRoute({
  method: 'post', path: '/stock/counts/{id}/cancel', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Cancel an open count: nothing reaches the ledger',
  request: { params: IdParams },
  responses: { 200: jsonResponse(StockCount, 'Cancelled'), ...commonErrors },
});

const tillCountRoute = createRoute({
  method: 'get', path: '/stock/counts/here', tags, security: bearer, middleware: [authenticate('device')] as const,
  summary: 'At the till: this store’s open count and what is counted so far, or none',
  responses: { 200: jsonResponse(TillStockCount, 'The open count, or none'), ...commonErrors },
});

const tillScanRoute = createRoute({
  method: 'post', path: '/stock/counts/{id}/scans', tags, security: bearer, middleware: [authenticate('device')] as const,
  summary: 'At the till: one scan into this store’s open count, one more of the product (or the few typed)',
  request: { params: IdParams, body: jsonBody(TillCountScanBody) },
  responses: { 200: jsonResponse(TillStockCount, 'Counted'), ...commonErrors },
});

export const storeStockRoutes = new OpenAPIHono<AppEnv>()
  .openapi(overviewRoute, async (c) => c.json(await stockOverview(c.var.deps, c.var.principal, c.req.valid('query')), 200))
  .openapi(transfersRoute, async (c) => c.json({ items: await listTransfers(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(destinationsRoute, async (c) => c.json({ items: await transferDestinations(c.var.deps, c.var.principal) }, 200))
  .openapi(shipTransferRoute, async (c) => c.json(await shipTransfer(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(transferRoute, async (c) => c.json(await transferInScope(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(receiveTransferRoute, async (c) => c.json(await receiveTransfer(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(countsRoute, async (c) => c.json({ items: await listCounts(c.var.deps, c.var.principal, c.req.valid('query')) }, 200))
  .openapi(openCountRoute, async (c) => c.json(await openCount(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(tillCountRoute, async (c) => c.json(await tillCount(c.var.deps, c.var.principal), 200))
  .openapi(tillScanRoute, async (c) => c.json(await scanAtTill(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(countRoute, async (c) => c.json(await countInScope(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(enterCountsRoute, async (c) => c.json(await enterCounts(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postCountRoute, async (c) => c.json(await postCount(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(cancelCountRoute, async (c) => c.json(await cancelCount(c.var.deps, c.var.principal, c.req.valid('param').id), 200));
