import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { SalesJournal, SalesJournalQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { storeInScope, storesInScope } from '../http/scope';
import { findJournal } from './sales-journal.repo';

const journalRoute = createRoute({
  method: 'get', path: '/sales/journal', tags: ['sales'], security: bearer, middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  summary: 'The sales (销售流水) HQ took in from the tills of the stores in the caller’s scope, each with its lines, newest first',
  description: '`from` and `to` are business days of the sale; `storeId` narrows to one store (404 out of scope). Paged: `{ items, total }`.',
  request: { query: SalesJournalQuery },
  responses: { 200: jsonResponse(SalesJournal, 'One page of sales with their lines, and how many match'), ...commonErrors },
});

export const salesJournalRoutes = new OpenAPIHono<AppEnv>().openapi(journalRoute, async (c) => {
  const { db } = c.var.deps;
  const principal = c.var.principal;
  const q = c.req.valid('query');
  const stores = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
  return c.json(await findJournal(db, principal.chainId, stores, q), 200);
});
