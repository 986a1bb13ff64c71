import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Assortment, AssortmentBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { clearAssortment, getAssortment, replaceAssortment } from './assortments.service';

const StoreParams = z.object({ storeId: z.uuid({ message: 'must be a UUID' }) });
const path = '/assortments/{storeId}';

const getRoute = createRoute({
  method: 'get', path, tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'What a store in the caller’s scope carries: only the listed products, or all but them; the whole catalog is `all_except` with none',
  request: { params: StoreParams },
  responses: { 200: jsonResponse(Assortment, 'The store’s assortment'), ...commonErrors },
});

const putRoute = createRoute({
  method: 'put', path, tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Replace what a store carries (HQ only); every product must be in the catalog, or nothing changes',
  request: { params: StoreParams, body: jsonBody(AssortmentBody) },
  responses: { 200: jsonResponse(Assortment, 'Replaced; the store’s tills pick it up at their next sync'), ...commonErrors },
});

const deleteRoute = createRoute({
  method: 'delete', path, tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Let a store carry the whole catalog again (HQ only): the same as replacing it with `all_except` and no products',
  request: { params: StoreParams },
  responses: { 200: jsonResponse(Assortment, 'The store carries the whole catalog'), ...commonErrors },
});

export const assortmentsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => c.json(await getAssortment(c.var.deps.db, c.var.principal, c.req.valid('param').storeId), 200))
  .openapi(putRoute, async (c) => c.json(await replaceAssortment(c.var.deps, c.var.principal, c.req.valid('param').storeId, c.req.valid('json')), 200))
  .openapi(deleteRoute, async (c) => c.json(await clearAssortment(c.var.deps, c.var.principal, c.req.valid('param').storeId), 200));
