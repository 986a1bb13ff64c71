import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CostBody, ErrorBody, ProductAttributeNames, ProductBody, ProductCostHistory, ProductDetail, ProductListPage, ProductListQuery, ProductRecord } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { addCost, costHistory } from './product-costs.service';
import { getAttributeNames, setAttributeNames } from './product-attributes.service';
import { createProduct, deleteProduct, getProduct, listProducts, setProductActive, updateProduct } from './products.service';

const conflict = { 409: jsonResponse(ErrorBody, 'A barcode, SKU or scale item code another product holds (`BARCODE_TAKEN` names it), or a product with sales or stock history') };

const listRoute = createRoute({
  method: 'get', path: '/products/search', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'The chain’s products, paged, sorted and filtered: `q` over SKU, barcode, names and pinyin (`kl` or `kele` for 可乐), a category with its sub-categories, brand, supplier, status, active',
  request: { query: ProductListQuery },
  responses: { 200: jsonResponse(ProductListPage, 'One page of products and how many match'), ...commonErrors },
});

const getRoute = createRoute({
  method: 'get', path: '/products/{id}', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'One product with its barcodes and attributes, whether it was sold, and its cost now for callers allowed to see cost',
  request: { params: IdParams },
  responses: { 200: jsonResponse(ProductDetail, 'The product'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/products', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Create a product with its barcodes (HQ only); pinyin keys of the Chinese name are made here',
  request: { body: jsonBody(ProductBody) },
  responses: { 201: jsonResponse(ProductRecord, 'Created; tills pick it up at their next sync'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'put', path: '/products/{id}', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Replace a product’s fields and barcodes (HQ only): barcodes left out are retired, new ones taken',
  request: { params: IdParams, body: jsonBody(ProductBody) },
  responses: { 200: jsonResponse(ProductRecord, 'Changed'), ...commonErrors, ...conflict },
});

const deleteRoute = createRoute({
  method: 'delete', path: '/products/{id}', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Delete a deactivated product with no sales and no stock movements (HQ only); one with history is kept (409 `PRODUCT_SOLD`)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...commonErrors, ...conflict },
});

const activeRoute = (action: 'deactivate' | 'reactivate') => createRoute({
  method: 'post', path: `/products/{id}/${action}`, tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: action === 'deactivate' ? 'Deactivate a product (HQ only): tills drop it, HQ keeps it' : 'Reactivate a product (HQ only)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(ProductRecord, 'Done'), ...commonErrors },
});

const costsRoute = createRoute({
  method: 'get', path: '/products/{id}/costs', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'A product’s cost prices (进价): the one in force now and the dated history; only for callers allowed to see cost',
  request: { params: IdParams },
  responses: { 200: jsonResponse(ProductCostHistory, 'Cost now and history'), ...commonErrors },
});

const addCostRoute = createRoute({
  method: 'post', path: '/products/{id}/costs', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Add a cost price effective now or from an instant (HQ only); earlier ones stay in the history',
  request: { params: IdParams, body: jsonBody(CostBody) },
  responses: { 201: jsonResponse(ProductCostHistory, 'Added; the history as it is now'), ...commonErrors },
});

const getAttributesRoute = createRoute({
  method: 'get', path: '/settings/product-attributes', tags: ['catalog'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'The names the chain gives its six custom product attributes, by slot',
  responses: { 200: jsonResponse(ProductAttributeNames, 'The named slots'), ...commonErrors },
});

const putAttributesRoute = createRoute({
  method: 'put', path: '/settings/product-attributes', tags: ['catalog'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('catalog', 'edit')] as const,
  summary: 'Name the chain’s six custom product attributes (HQ only); a slot left out is unused',
  request: { body: jsonBody(ProductAttributeNames) },
  responses: { 200: jsonResponse(ProductAttributeNames, 'Saved'), ...commonErrors },
});

export const productsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listProducts(c.var.deps.db, c.var.principal, c.req.valid('query')), 200))
  .openapi(getAttributesRoute, async (c) => c.json(await getAttributeNames(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(putAttributesRoute, async (c) => c.json(await setAttributeNames(c.var.deps, c.var.principal, c.req.valid('json')), 200))
  .openapi(getRoute, async (c) => c.json(await getProduct(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(createRouteDef, async (c) => c.json(await createProduct(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateProduct(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deleteRoute, async (c) => {
    await deleteProduct(c.var.deps, c.var.principal, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(activeRoute('deactivate'), async (c) => c.json(await setProductActive(c.var.deps, c.var.principal, c.req.valid('param').id, false), 200))
  .openapi(activeRoute('reactivate'), async (c) => c.json(await setProductActive(c.var.deps, c.var.principal, c.req.valid('param').id, true), 200))
  .openapi(costsRoute, async (c) => c.json(await costHistory(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(addCostRoute, async (c) => c.json(await addCost(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 201));
