import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { Brand, BrandBody, BrandListQuery, BrandPage, ErrorBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { createBrand, listBrands, setBrandActive, updateBrand } from './brands.service';

const conflict = { 409: jsonResponse(ErrorBody, 'The brand code is taken') };

const listRoute = createRoute({
  method: 'get', path: '/brands', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'The chain’s brands, paged, sorted and filtered (`q` over code and names, `active`)',
  request: { query: BrandListQuery },
  responses: { 200: jsonResponse(BrandPage, 'One page of brands and how many match'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/brands', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Create a brand (HQ only)',
  request: { body: jsonBody(BrandBody) },
  responses: { 201: jsonResponse(Brand, 'Created'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'put', path: '/brands/{id}', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Change a brand’s code and names (HQ only)',
  request: { params: IdParams, body: jsonBody(BrandBody) },
  responses: { 200: jsonResponse(Brand, 'Changed'), ...commonErrors, ...conflict },
});

const activeRoute = (action: 'deactivate' | 'reactivate') => createRoute({
  method: 'post', path: `/brands/{id}/${action}`, tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: `${action === 'deactivate' ? 'Deactivate' : 'Reactivate'} a brand (HQ only); products keep naming it`,
  request: { params: IdParams },
  responses: { 200: jsonResponse(Brand, 'Done'), ...commonErrors },
});

export const brandsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listBrands(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(createRouteDef, async (c) => c.json(await createBrand(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateBrand(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(activeRoute('deactivate'), async (c) => c.json(await setBrandActive(c.var.deps, c.var.principal, c.req.valid('param').id, false), 200))
  .openapi(activeRoute('reactivate'), async (c) => c.json(await setBrandActive(c.var.deps, c.var.principal, c.req.valid('param').id, true), 200));
