import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CreateFranchiseeBody, Franchisee, FranchiseeList, FranchiseeListQuery, UpdateFranchiseeBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { IdParams, jsonBody } from '../http/openapi-helpers';
import { createFranchisee, getFranchisee, listFranchisees, setFranchiseeActive, updateFranchisee } from './franchisees.service';
import { created, hqRoute, officeRoute, ok } from './org-route-kit';

const listRoute = createRoute({
  ...officeRoute('franchisees'), method: 'get', path: '/franchisees',
  summary: 'Franchisees (加盟商) with their contract terms and stores, a page at a time: HQ all of them, a franchisee their own record only',
  request: { query: FranchiseeListQuery }, responses: ok(FranchiseeList, 'One page of franchisees and how many match'),
});
const getRoute = createRoute({
  ...officeRoute('franchisees'), method: 'get', path: '/franchisees/{id}', summary: 'One franchisee: HQ any, a franchisee their own',
  request: { params: IdParams }, responses: ok(Franchisee, 'The franchisee'),
});
const createFranchiseeRoute = createRoute({
  ...hqRoute('franchisees'), method: 'post', path: '/franchisees', summary: 'Add a franchisee with the terms of their contract (HQ only)',
  request: { body: jsonBody(CreateFranchiseeBody) }, responses: created(Franchisee, 'Created'),
});
const updateRoute = createRoute({
  ...hqRoute('franchisees'), method: 'patch', path: '/franchisees/{id}', summary: 'Change a franchisee’s details or contract terms (HQ only)',
  request: { params: IdParams, body: jsonBody(UpdateFranchiseeBody) }, responses: ok(Franchisee, 'Changed'),
});
const deactivateRoute = createRoute({
  ...hqRoute('franchisees'), method: 'post', path: '/franchisees/{id}/deactivate', summary: 'End a franchisee; refused while they run open stores (HQ only)',
  request: { params: IdParams }, responses: ok(Franchisee, 'Deactivated'),
});
const reactivateRoute = createRoute({
  ...hqRoute('franchisees'), method: 'post', path: '/franchisees/{id}/reactivate', summary: 'Take a franchisee back (HQ only)',
  request: { params: IdParams }, responses: ok(Franchisee, 'Reactivated'),
});

export const franchiseesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listFranchisees(c.var.deps.db, c.var.principal, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => c.json(await getFranchisee(c.var.deps.db, c.var.principal, c.req.valid('param').id), 200))
  .openapi(createFranchiseeRoute, async (c) => c.json(await createFranchisee(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateFranchisee(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deactivateRoute, async (c) => c.json(await setFranchiseeActive(c.var.deps, c.var.principal, c.req.valid('param').id, false), 200))
  .openapi(reactivateRoute, async (c) => c.json(await setFranchiseeActive(c.var.deps, c.var.principal, c.req.valid('param').id, true), 200));
