import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { PricingSettings, StorePricingSettings } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireRole } from '../http/require-role';
import { getPricingSettings, getStorePricingSettings, setPricingSettings, setStorePricingSettings } from './pricing-settings.service';

const getRoute = createRoute({
  method: 'get', path: '/settings/pricing', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('settings', 'view')] as const,
  summary: 'The chain’s cash rounding and scale label layouts; the defaults (no rounding, no layouts) until HQ sets them',
  responses: { 200: jsonResponse(PricingSettings, 'The chain’s pricing settings'), ...commonErrors },
});

const putRoute = createRoute({
  method: 'put', path: '/settings/pricing', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('settings', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Replace the chain’s pricing settings (HQ only). A scan tries the layouts in order, so a specific one goes first; ids must be unique and a layout an earlier one always takes over is refused',
  request: { body: jsonBody(PricingSettings) },
  responses: { 200: jsonResponse(PricingSettings, 'Saved; tills pick the settings up at their next sync'), ...commonErrors },
});

const getStoreRoute = createRoute({
  method: 'get', path: '/settings/store-pricing', tags: ['pricing'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'Who may set store prices besides HQ (hq_only, franchisee, franchisee_and_store_manager) and the default band in basis points around the chain price',
  responses: { 200: jsonResponse(StorePricingSettings, 'The chain’s store-pricing policy'), ...commonErrors },
});

const putStoreRoute = createRoute({
  method: 'put', path: '/settings/store-pricing', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin')] as const,
  summary: 'Set the store-pricing policy and default band (HQ only); store prices already set stay as they are',
  request: { body: jsonBody(StorePricingSettings) },
  responses: { 200: jsonResponse(StorePricingSettings, 'Saved'), ...commonErrors },
});

export const pricingSettingsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => c.json(await getPricingSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(putRoute, async (c) => c.json(await setPricingSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200))
  .openapi(getStoreRoute, async (c) => c.json(await getStorePricingSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(putStoreRoute, async (c) => c.json(await setStorePricingSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200));
