import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ClerkSession, ClerkSignInBody, CreatePairingCodeBody, ErrorBody, OfficeSession, OfficeSignInBody, PairDeviceBody, PairedDevice, PairingCode } from '@pos/shared';
import type { AppEnv, DevicePrincipal, OfficePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { rateLimit } from '../http/rate-limit';
import { signInClerk, signInOffice } from './auth.service';
import { createPairingCode, pairDevice } from './devices.service';

const officeSignIn = createRoute({
  method: 'post', path: '/auth/office/sign-in', tags: ['auth'], summary: 'Office user signs in with e-mail and password',
  middleware: [rateLimit({ limit: 10, windowMs: 60_000, counts: 'failures' })] as const,
  request: { body: jsonBody(OfficeSignInBody) },
  responses: { 200: jsonResponse(OfficeSession, 'Signed in'), 400: commonErrors[400], 401: commonErrors[401], 429: jsonResponse(ErrorBody, 'Too many attempts') },
});

const clerkSignIn = createRoute({
  method: 'post', path: '/auth/clerk/sign-in', tags: ['auth'], summary: 'A clerk signs in with code and PIN on a paired till', security: bearer,
  middleware: [authenticate('device')] as const,
  request: { body: jsonBody(ClerkSignInBody) },
  responses: { 200: jsonResponse(ClerkSession, 'Signed in'), ...commonErrors, 423: jsonResponse(ErrorBody, 'Locked after too many wrong PINs') },
});

const createPairing = createRoute({
  method: 'post', path: '/devices/pairing-codes', tags: ['devices'], summary: 'Create a till device for a store and a one-time pairing code', security: bearer,
  middleware: [authenticate('office'), requireModule('devices', 'edit')] as const,
  request: { body: jsonBody(CreatePairingCodeBody) },
  responses: { 201: jsonResponse(PairingCode, 'Created; the code is valid for 30 minutes'), ...commonErrors },
});

const pair = createRoute({
  method: 'post', path: '/devices/pair', tags: ['devices'], summary: 'A till exchanges its pairing code for a device token',
  middleware: [rateLimit({ limit: 10, windowMs: 60_000, counts: 'failures' })] as const,
  request: { body: jsonBody(PairDeviceBody) },
  responses: { 200: jsonResponse(PairedDevice, 'Paired'), 400: commonErrors[400], 429: jsonResponse(ErrorBody, 'Too many attempts') },
});

export const authRoutes = new OpenAPIHono<AppEnv>()
  .openapi(officeSignIn, async (c) => c.json(await signInOffice(c.var.deps, c.req.valid('json')), 200))
  .openapi(clerkSignIn, async (c) => c.json(await signInClerk(c.var.deps, c.var.principal as DevicePrincipal, c.req.valid('json')), 200))
  .openapi(createPairing, async (c) => c.json(await createPairingCode(c.var.deps, c.var.principal as OfficePrincipal, c.req.valid('json')), 201))
  .openapi(pair, async (c) => c.json(await pairDevice(c.var.deps, c.req.valid('json')), 200));
