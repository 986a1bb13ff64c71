import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Category, CategoryBody, CategoryPatch, ErrorBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { createCategory, listCategories, setCategoryActive, updateCategory } from './categories.service';

const conflict = { 409: jsonResponse(ErrorBody, 'The code is taken, or the category is still in use') };

const listRoute = createRoute({
  method: 'get', path: '/categories', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'The chain’s category tree, flat: each category names its parent (null at the top); deactivated ones too',
  responses: { 200: jsonResponse(z.array(Category), 'Categories by order, then code'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/categories', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Create a category at the top or under an active parent (HQ only)',
  request: { body: jsonBody(CategoryBody) },
  responses: { 201: jsonResponse(Category, 'Created; tills pick it up at their next sync'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'patch', path: '/categories/{id}', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Rename, move under another parent (never under itself or below) or reorder a category (HQ only)',
  request: { params: IdParams, body: jsonBody(CategoryPatch) },
  responses: { 200: jsonResponse(Category, 'Changed'), ...commonErrors, ...conflict },
});

const activeRoute = (action: 'deactivate' | 'reactivate') => createRoute({
  method: 'post', path: `/categories/{id}/${action}`, tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: action === 'deactivate'
    ? 'Deactivate a category no active product or sub-category uses (HQ only); tills delete it'
    : 'Reactivate a category under an active parent (HQ only)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Category, 'Done'), ...commonErrors, ...conflict },
});

export const categoriesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listCategories(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(createRouteDef, async (c) => c.json(await createCategory(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateCategory(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(activeRoute('deactivate'), async (c) => c.json(await setCategoryActive(c.var.deps, c.var.principal, c.req.valid('param').id, false), 200))
  .openapi(activeRoute('reactivate'), async (c) => c.json(await setCategoryActive(c.var.deps, c.var.principal, c.req.valid('param').id, true), 200));
