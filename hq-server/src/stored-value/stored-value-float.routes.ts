import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { StoredValueFloat } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { reportsDb } from '../reports/reports-db';
import { storedValueFloat } from './stored-value-float';

const floatRoute = createRoute({
  method: 'get', path: '/reports/stored-value-float', tags: ['reports'], security: bearer,
  summary: 'Stored value owed to members now (储值余额), by the franchisee each ledger entry names and in total; the parts add up to the total',
  description: 'HQ sees every franchisee and the chain’s own part (directly operated stores and HQ’s entries); a franchisee the entries naming them; a region or store manager the entries made in their stores. '
    + 'A part is what its stores took in less what was spent or paid out there, so it can be below zero.',
  middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  responses: { 200: jsonResponse(StoredValueFloat, 'What is owed, by franchisee and in total'), ...commonErrors },
});

export const storedValueFloatRoutes = new OpenAPIHono<AppEnv>()
  .openapi(floatRoute, async (c) => c.json(await storedValueFloat(reportsDb(c.var.deps), c.var.principal, c.var.deps.clock()), 200));
