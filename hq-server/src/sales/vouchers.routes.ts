import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { minor, VoucherCodeParams, VoucherState } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { voucherRedemptions } from './sales.tables';

const stateRoute = createRoute({
  method: 'get', path: '/vouchers/{code}', tags: ['sales'], security: bearer, middleware: [authenticate('device', 'office')] as const,
  summary: 'Whether a voucher code was spent, by which sale and where (a voucher is good for one sale in the chain)',
  request: { params: VoucherCodeParams },
  responses: { 200: jsonResponse(VoucherState, 'The code, spent or not'), ...commonErrors },
});

async function voucherState(db: Db, chainId: string, code: string): Promise<VoucherState> {
  const [row] = await db.select().from(voucherRedemptions).where(and(eq(voucherRedemptions.chainId, chainId), eq(voucherRedemptions.code, code)));
  if (!row) return { code, redeemed: false, redemption: null };
  return { code, redeemed: true, redemption: { saleId: row.saleId, storeId: row.storeId, amountMinor: minor(row.amountMinor), redeemedAt: row.redeemedAt.toISOString() } };
}

export const vouchersRoutes = new OpenAPIHono<AppEnv>()
  .openapi(stateRoute, async (c) => c.json(await voucherState(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').code), 200));
