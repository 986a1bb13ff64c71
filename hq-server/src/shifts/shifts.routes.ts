import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ShiftDetail, ShiftListQuery, ShiftPage } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { AppError } from '../http/errors';
import { bearer, commonErrors, IdParams, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { storeInScope, storesInScope } from '../http/scope';
import { findShift, findShifts } from './shifts.repo';

const listRoute = createRoute({
  method: 'get', path: '/shifts', tags: ['shifts'], security: bearer, middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  summary: 'The tills’ shifts (班次) in the stores of the caller’s scope: float, cash in and out, expected, counted and difference',
  description: '`from` and `to` are business days the shifts opened on; `status` open or closed. Paged: `{ items, total }`.',
  request: { query: ShiftListQuery },
  responses: { 200: jsonResponse(ShiftPage, 'One page of shifts, and how many match'), ...commonErrors },
});

const detailRoute = createRoute({
  method: 'get', path: '/shifts/{id}', tags: ['shifts'], security: bearer, middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  summary: 'One shift with its cash movements and, once closed, its count and Z figures',
  request: { params: IdParams },
  responses: { 200: jsonResponse(ShiftDetail, 'The shift'), ...commonErrors },
});

export const shiftsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.var.deps;
    const principal = c.var.principal;
    const q = c.req.valid('query');
    const stores = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
    return c.json(await findShifts(db, principal.chainId, stores, q), 200);
  })
  .openapi(detailRoute, async (c) => {
    const { db } = c.var.deps;
    const principal = c.var.principal;
    const detail = await findShift(db, principal.chainId, await storesInScope(db, principal), c.req.valid('param').id);
    if (!detail) throw new AppError('NOT_FOUND', 'no such shift');
    return c.json(detail, 200);
  });
