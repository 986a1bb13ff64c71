import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { VoucherCodeParams, VoucherState } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { voucherRedemptions } from './sales.tables';

const stateRoute = createRoute({
  method: 'get', path: '/vouchers/{code}', tags: ['sales'], security: bearer, middleware: [authenticate('device', 'office')] as const,
  summary: 'When a voucher code was spent, or null (a voucher is good for one sale in the chain)',
  request: { params: VoucherCodeParams },
  responses: { 200: jsonResponse(VoucherState, 'The code, spent or not'), ...commonErrors },
});

async function voucherState(db: Db, chainId: string, code: string): Promise<VoucherState> {
  const [row] = await db.select({ redeemedAt: voucherRedemptions.redeemedAt }).from(voucherRedemptions)
    .where(and(eq(voucherRedemptions.chainId, chainId), eq(voucherRedemptions.code, code)));
  return { code, redeemedAt: row?.redeemedAt.toISOString() ?? null };
}

export const vouchersRoutes = new OpenAPIHono<AppEnv>()
  .openapi(stateRoute, async (c) => c.json(await voucherState(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').code), 200));
