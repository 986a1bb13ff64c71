import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CreateRegionBody, Region, UpdateRegionBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { IdParams, jsonBody } from '../http/openapi-helpers';
import { created, hqRoute, officeRoute, ok } from './org-route-kit';
import { createRegion, deactivateRegion, listRegions, reactivateRegion, updateRegion } from './regions.service';

const listRoute = createRoute({
  ...officeRoute('org'), method: 'get', path: '/regions', summary: 'The chain’s regions (区域/分公司), whole, by code; each names its parent',
  responses: ok(z.array(Region), 'Regions'),
});
const createRegionRoute = createRoute({
  ...hqRoute('org'), method: 'post', path: '/regions', summary: 'Add a region, at the top or under an active one (HQ only)',
  request: { body: jsonBody(CreateRegionBody) }, responses: created(Region, 'Created'),
});
const updateRoute = createRoute({
  ...hqRoute('org'), method: 'patch', path: '/regions/{id}', summary: 'Rename a region or move it under another; never under itself or below it (HQ only)',
  request: { params: IdParams, body: jsonBody(UpdateRegionBody) }, responses: ok(Region, 'Changed'),
});
const deactivateRoute = createRoute({
  ...hqRoute('org'), method: 'post', path: '/regions/{id}/deactivate', summary: 'Stop using a region; refused while active regions, stores or office users are in it (HQ only)',
  request: { params: IdParams }, responses: ok(Region, 'Deactivated'),
});
const reactivateRoute = createRoute({
  ...hqRoute('org'), method: 'post', path: '/regions/{id}/reactivate', summary: 'Use a region again; its parent must be in use (HQ only)',
  request: { params: IdParams }, responses: ok(Region, 'Reactivated'),
});

export const regionsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listRegions(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(createRegionRoute, async (c) => c.json(await createRegion(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateRegion(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deactivateRoute, async (c) => c.json(await deactivateRegion(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(reactivateRoute, async (c) => c.json(await reactivateRegion(c.var.deps, c.var.principal, c.req.valid('param').id), 200));
