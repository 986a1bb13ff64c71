import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Product, ProductIdsQuery, ProductPage, ProductSearchQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { productsById, searchProducts } from './catalog.service';

const searchRoute = createRoute({
  method: 'get', path: '/catalog/products', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'Search products by SKU, name, pinyin or barcode, paged by `limit` and `offset` and sorted by `sort`/`order` (the office’s list contract), with the prices the caller may see; only products of the categories the caller’s role sees',
  request: { query: ProductSearchQuery },
  responses: { 200: jsonResponse(ProductPage, 'One page of products and how many match'), ...commonErrors },
});

const byIdRoute = createRoute({
  method: 'get', path: '/products', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'Products by id (`?ids=a,b,c`, at most 200), by SKU; an id the chain does not have is left out. For naming what a list holds by id, such as an assortment',
  request: { query: ProductIdsQuery },
  responses: { 200: jsonResponse(z.array(Product), 'The products found, by SKU'), ...commonErrors },
});

export const catalogRoutes = new OpenAPIHono<AppEnv>()
  .openapi(searchRoute, async (c) => c.json(await searchProducts(c.var.deps, c.var.principal, c.req.valid('query')), 200))
  .openapi(byIdRoute, async (c) => c.json(await productsById(c.var.deps.db, c.var.principal, c.req.valid('query').ids), 200));
