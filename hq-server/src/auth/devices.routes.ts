import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { DeviceList, DeviceSummary, PairingCode } from '@pos/shared';
import type { AppEnv, OfficePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, IdParams, jsonResponse } from '../http/openapi-helpers';
import { listDevices, rearmDevice, revokeDevice } from './device-admin.service';

const listRoute = createRoute({
  method: 'get', path: '/devices', tags: ['devices'], summary: 'The till devices of the stores in the caller’s scope', security: bearer,
  middleware: [authenticate('office'), requireModule('devices', 'view')] as const,
  responses: { 200: jsonResponse(DeviceList, 'Devices by code'), ...commonErrors },
});

const revokeRoute = createRoute({
  method: 'post', path: '/devices/{id}/revoke', tags: ['devices'], security: bearer,
  summary: 'Revoke a lost or stolen till: its token stops working and its clerk sessions end',
  middleware: [authenticate('office'), requireModule('devices', 'edit')] as const,
  request: { params: IdParams },
  responses: { 200: jsonResponse(DeviceSummary, 'Revoked (or already revoked)'), ...commonErrors },
});

const rearmRoute = createRoute({
  method: 'post', path: '/devices/{id}/pairing-code', tags: ['devices'], security: bearer,
  summary: 'A new one-time code to pair an existing device again, as after a revocation',
  middleware: [authenticate('office'), requireModule('devices', 'edit')] as const,
  request: { params: IdParams },
  responses: { 201: jsonResponse(PairingCode, 'Created; the code is valid for 30 minutes'), ...commonErrors },
});

export const devicesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json({ devices: await listDevices(c.var.deps, c.var.principal as OfficePrincipal) }, 200))
  .openapi(revokeRoute, async (c) => c.json(await revokeDevice(c.var.deps, c.var.principal as OfficePrincipal, c.req.valid('param').id), 200))
  .openapi(rearmRoute, async (c) => c.json(await rearmDevice(c.var.deps, c.var.principal as OfficePrincipal, c.req.valid('param').id), 201));
