import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ReceiptLookup, ReceiptNoParams, ReturnList, ReturnsQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { storeInScope, storesInScope } from '../http/scope';
import { lookUpReceipt } from './receipt-lookup.service';
import { findReturns } from './returns.repo';

const lookupRoute = createRoute({
  method: 'get', path: '/sales/receipts/{receiptNo}', tags: ['returns'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'A sale of the chain by its receipt number, for a till taking goods back (退货) against it, with what earlier returns took per line and payment',
  responses: { 200: jsonResponse(ReceiptLookup, 'The sale as its till made it, and its returns so far'), ...commonErrors },
  request: { params: ReceiptNoParams },
});

const listRoute = createRoute({
  method: 'get', path: '/returns', tags: ['returns'], security: bearer, middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  summary: 'Returns and exchanges (退换货) of the stores in the caller’s scope, with their refunds, overrides and over-return differences',
  description: '`from` and `to` are business days of the return; `differences=true` lists only returns HQ found beyond what was sold. Paged: `{ items, total }`.',
  request: { query: ReturnsQuery },
  responses: { 200: jsonResponse(ReturnList, 'One page of returns, and how many match'), ...commonErrors },
});

export const returnsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(lookupRoute, async (c) => c.json(await lookUpReceipt(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').receiptNo), 200))
  .openapi(listRoute, async (c) => {
    const { db } = c.var.deps;
    const q = c.req.valid('query');
    const visible = q.storeId ? [await storeInScope(db, c.var.principal, q.storeId)] : await storesInScope(db, c.var.principal);
    return c.json(await findReturns(db, c.var.principal.chainId, visible, q), 200);
  });
