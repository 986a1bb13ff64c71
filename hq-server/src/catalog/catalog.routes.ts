import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Category, ProductPage, ProductSearchQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { searchProducts } from './catalog.service';
import { listCategories } from './categories.service';

const searchRoute = createRoute({
  method: 'get', path: '/catalog/products', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'Search products by SKU, name or barcode, a page at a time, with the prices the caller may see',
  request: { query: ProductSearchQuery },
  responses: { 200: jsonResponse(ProductPage, 'One page of products'), ...commonErrors },
});

const categoriesRoute = createRoute({
  method: 'get', path: '/categories', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'The chain’s category tree, flat: each category names its parent (null at the top)',
  responses: { 200: jsonResponse(z.array(Category), 'Categories by code'), ...commonErrors },
});

export const catalogRoutes = new OpenAPIHono<AppEnv>()
  .openapi(searchRoute, async (c) => c.json(await searchProducts(c.var.deps, c.var.principal, c.req.valid('query')), 200))
  .openapi(categoriesRoute, async (c) => c.json(await listCategories(c.var.deps.db, c.var.principal.chainId), 200));
