import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ProductPage, ProductSearchQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { searchProducts } from './catalog.service';

const searchRoute = createRoute({
  method: 'get', path: '/catalog/products', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'Search products by SKU, name or barcode, a page at a time, with the prices the caller may see',
  request: { query: ProductSearchQuery },
  responses: { 200: jsonResponse(ProductPage, 'One page of products'), ...commonErrors },
});

export const catalogRoutes = new OpenAPIHono<AppEnv>().openapi(searchRoute, async (c) =>
  c.json(await searchProducts(c.var.deps, c.var.principal, c.req.valid('query')), 200),
);
