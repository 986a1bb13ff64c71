import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CloseStoreBody, MoveStoreFranchiseeBody, MoveStoreRegionBody, OpenStoreBody, ReopenStoreBody, StoreEvent, StoreList, StoreListQuery, StoreRecord, UpdateStoreBody,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { IdParams, jsonBody } from '../http/openapi-helpers';
import { officePrincipal } from '../http/require-role';
import { created, hqRoute, officeRoute, ok } from './org-route-kit';
import { getStoreRecord, listStoreRecords, openStore, updateStore } from './store-admin.service';
import { closeStore, listStoreEvents, moveStoreFranchisee, moveStoreRegion, reopenStore } from './store-events.service';

const listRoute = createRoute({
  ...officeRoute('org'), method: 'get', path: '/org/stores',
  summary: 'The stores in the caller’s scope with region, address and dates, a page at a time (`GET /stores` stays the whole list for pickers)',
  request: { query: StoreListQuery }, responses: ok(StoreList, 'One page of stores and how many match'),
});
const getRoute = createRoute({
  ...officeRoute('org'), method: 'get', path: '/stores/{id}', summary: 'One store in the caller’s scope',
  request: { params: IdParams }, responses: ok(StoreRecord, 'The store'),
});
const eventsRoute = createRoute({
  ...officeRoute('org'), method: 'get', path: '/stores/{id}/events', summary: 'A store’s history: opened, closed, reopened, moved to another franchisee or region; latest first',
  request: { params: IdParams }, responses: ok(z.array(StoreEvent), 'The history'),
});
const openRoute = createRoute({
  ...hqRoute('org'), method: 'post', path: '/stores', summary: 'Open a store (开店): franchised when a franchisee is named, else run directly (HQ only)',
  request: { body: jsonBody(OpenStoreBody) }, responses: created(StoreRecord, 'Opened'),
});
const updateRoute = createRoute({
  ...hqRoute('org'), method: 'patch', path: '/stores/{id}', summary: 'Change a store’s names, address, time zone, currency or connectivity (HQ only)',
  request: { params: IdParams, body: jsonBody(UpdateStoreBody) }, responses: ok(StoreRecord, 'Changed'),
});
const dated = <B extends z.ZodType>(path: string, summary: string, body: B) => createRoute({
  ...hqRoute('org'), method: 'post', path, summary, request: { params: IdParams, body: jsonBody(body) }, responses: ok(StoreRecord, 'The store after the change'),
});
const closeRoute = dated('/stores/{id}/close', 'Close a store on a date not after its today: its tills may still push sales but pull nothing (HQ only)', CloseStoreBody);
const reopenRoute = dated('/stores/{id}/reopen', 'Reopen a closed store (HQ only)', ReopenStoreBody);
const franchiseeRoute = dated('/stores/{id}/franchisee', 'Give a store to another franchisee, or to direct operation with `franchiseeId` null, from a date (HQ only)', MoveStoreFranchiseeBody);
const regionRoute = dated('/stores/{id}/region', 'Put a store in another region, or none, from a date (HQ only)', MoveStoreRegionBody);

const id = (c: { req: { valid(target: 'param'): { id: string } } }) => c.req.valid('param').id;

export const storeAdminRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listStoreRecords(c.var.deps.db, c.var.principal, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => c.json(await getStoreRecord(c.var.deps.db, c.var.principal, id(c)), 200))
  .openapi(eventsRoute, async (c) => c.json(await listStoreEvents(c.var.deps.db, c.var.principal, id(c)), 200))
  .openapi(openRoute, async (c) => c.json(await openStore(c.var.deps, officePrincipal(c.var.principal), c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateStore(c.var.deps, c.var.principal, id(c), c.req.valid('json')), 200))
  .openapi(closeRoute, async (c) => c.json(await closeStore(c.var.deps, officePrincipal(c.var.principal), id(c), c.req.valid('json')), 200))
  .openapi(reopenRoute, async (c) => c.json(await reopenStore(c.var.deps, officePrincipal(c.var.principal), id(c), c.req.valid('json')), 200))
  .openapi(franchiseeRoute, async (c) => c.json(await moveStoreFranchisee(c.var.deps, officePrincipal(c.var.principal), id(c), c.req.valid('json')), 200))
  .openapi(regionRoute, async (c) => c.json(await moveStoreRegion(c.var.deps, officePrincipal(c.var.principal), id(c), c.req.valid('json')), 200));
