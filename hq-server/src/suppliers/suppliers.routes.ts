import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  CreateSupplierBody, ErrorBody, Supplier, SupplierList, SupplierListQuery, SupplierProduct, SupplierProductBody, SupplierProductList,
  SupplierProductListQuery, SupplierProductParams, UpdateSupplierBody,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { listSupplierProducts, putSupplierProduct, removeSupplierProduct } from './supplier-products.service';
import { createSupplier, getSupplier, listSuppliers, setSupplierActive, updateSupplier } from './suppliers.service';

/** Suppliers are HQ's alone for now: other office users, franchisees included, neither see nor change them. */
const base = { tags: ['suppliers'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('suppliers', 'view')] };
const changing = { ...base, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('suppliers', 'edit')] };
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ 200: jsonResponse(schema, description), ...commonErrors });
const conflict = { 409: jsonResponse(ErrorBody, 'The code is taken') };

const listRoute = createRoute({
  ...base, method: 'get', path: '/suppliers', summary: 'Suppliers by code, a page at a time; `active=true&q=` is the pick-list of the catalog screens (HQ only)',
  request: { query: SupplierListQuery }, responses: ok(SupplierList, 'One page of suppliers and how many match'),
});
const getRoute = createRoute({
  ...base, method: 'get', path: '/suppliers/{id}', summary: 'One supplier (HQ only)', request: { params: IdParams }, responses: ok(Supplier, 'The supplier'),
});
const createSupplierRoute = createRoute({
  ...changing, method: 'post', path: '/suppliers', summary: 'Add a supplier (HQ only)', request: { body: jsonBody(CreateSupplierBody) },
  responses: { 201: jsonResponse(Supplier, 'Created'), ...commonErrors, ...conflict },
});
const updateRoute = createRoute({
  ...changing, method: 'patch', path: '/suppliers/{id}', summary: 'Change a supplier’s details; what the body leaves out stays (HQ only)',
  request: { params: IdParams, body: jsonBody(UpdateSupplierBody) }, responses: ok(Supplier, 'Changed'),
});
const deactivateRoute = createRoute({
  ...changing, method: 'post', path: '/suppliers/{id}/deactivate', summary: 'Stop using a supplier; it stays with its products for the deliveries that name it (HQ only)',
  request: { params: IdParams }, responses: ok(Supplier, 'Deactivated'),
});
const reactivateRoute = createRoute({
  ...changing, method: 'post', path: '/suppliers/{id}/reactivate', summary: 'Use a supplier again (HQ only)', request: { params: IdParams }, responses: ok(Supplier, 'Reactivated'),
});
const productsRoute = createRoute({
  ...base, method: 'get', path: '/suppliers/{id}/products', summary: 'The products a supplier supplies, with cost and the supplier’s item number, a page at a time (HQ only)',
  request: { params: IdParams, query: SupplierProductListQuery }, responses: ok(SupplierProductList, 'One page of supplied products and how many match'),
});
const putProductRoute = createRoute({
  ...changing, method: 'put', path: '/suppliers/{id}/products/{productId}', summary: 'Add a product the supplier supplies, or change its cost and item number (HQ only)',
  request: { params: SupplierProductParams, body: jsonBody(SupplierProductBody) }, responses: ok(SupplierProduct, 'The supplied product'),
});
const removeProductRoute = createRoute({
  ...changing, method: 'delete', path: '/suppliers/{id}/products/{productId}', summary: 'The supplier no longer supplies the product; it is kept, inactive (HQ only)',
  request: { params: SupplierProductParams }, responses: ok(SupplierProduct, 'Deactivated'),
});

export const suppliersRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listSuppliers(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => c.json(await getSupplier(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').id), 200))
  .openapi(createSupplierRoute, async (c) => c.json(await createSupplier(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateSupplier(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deactivateRoute, async (c) => c.json(await setSupplierActive(c.var.deps, c.var.principal, c.req.valid('param').id, false), 200))
  .openapi(reactivateRoute, async (c) => c.json(await setSupplierActive(c.var.deps, c.var.principal, c.req.valid('param').id, true), 200))
  .openapi(productsRoute, async (c) => c.json(await listSupplierProducts(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(putProductRoute, async (c) => {
    const { id, productId } = c.req.valid('param');
    return c.json(await putSupplierProduct(c.var.deps, c.var.principal, id, productId, c.req.valid('json')), 200);
  })
  .openapi(removeProductRoute, async (c) => {
    const { id, productId } = c.req.valid('param');
    return c.json(await removeSupplierProduct(c.var.deps, c.var.principal, id, productId), 200);
  });
