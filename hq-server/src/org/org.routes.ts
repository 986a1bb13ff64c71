import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Store } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { listStores } from './stores.service';

const listStoresRoute = createRoute({
  method: 'get', path: '/stores', tags: ['org'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'The stores in the caller’s scope: the whole chain for HQ, a franchisee’s own, a store manager’s one',
  responses: { 200: jsonResponse(z.array(Store), 'Stores by code'), ...commonErrors },
});

export const orgRoutes = new OpenAPIHono<AppEnv>().openapi(listStoresRoute, async (c) =>
  c.json(await listStores(c.var.deps.db, c.var.principal), 200),
);
