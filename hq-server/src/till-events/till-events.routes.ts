import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { TillEventList, TillEventsQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { storeInScope, storesInScope } from '../http/scope';
import { findTillEvents } from './till-events.repo';

const listRoute = createRoute({
  method: 'get', path: '/till-events', tags: ['sales'], security: bearer, middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  summary: 'Drawer openings without a sale, voided tickets and reprints (钱箱开启、整单作废与重打) at the tills of the stores in the caller’s scope',
  description: '`from` and `to` are business days; `event` filters by kind, comma-separated (`no_sale`, `void_ticket`, `reprint`). Paged: `{ items, total }`.',
  request: { query: TillEventsQuery },
  responses: { 200: jsonResponse(TillEventList, 'One page of till events, and how many match'), ...commonErrors },
});

export const tillEventsRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  const { db } = c.var.deps;
  const principal = c.var.principal;
  const q = c.req.valid('query');
  const stores = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
  return c.json(await findTillEvents(db, principal.chainId, stores, q), 200);
});
