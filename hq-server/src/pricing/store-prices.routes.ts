import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { PriceBand, PriceBandBody, PriceEntry, SetStorePriceBody, StorePricePage, StorePriceParams, StorePriceQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireRole } from '../http/require-role';
import { removePriceBand, setPriceBand } from './price-bands.service';
import { clearStorePrice, listStorePrices, setStorePrice } from './store-prices.service';

const conflict = { 409: jsonResponse(commonErrors[400].content['application/json'].schema, 'No band applies: the product has no chain price and no band of its own') };
const ProductParams = z.object({ productId: z.uuid({ message: 'must be a UUID' }) });
const storePricePath = '/pricing/store-prices/{storeId}/{productId}';
const whoMay = 'HQ any store; a franchisee their stores and a store manager their store, when the chain’s store-pricing policy lets them';

const listRoute = createRoute({
  method: 'get', path: '/pricing/store-prices', tags: ['pricing'], security: bearer, middleware: [authenticate('office')] as const,
  summary: 'Products of a search (by SKU, a page at a time; only the categories the caller’s role sees) with the chain price, the band a store price must fall in and a store’s own price, for a store in the caller’s scope',
  request: { query: StorePriceQuery },
  responses: { 200: jsonResponse(StorePricePage, 'A page and the number of matches'), ...commonErrors },
});

const setRoute = createRoute({
  method: 'put', path: storePricePath, tags: ['pricing'], security: bearer, middleware: [authenticate('office')] as const,
  summary: `Set a store’s own retail price now or from a future instant (${whoMay})`,
  description: 'Anyone but HQ must price inside the band at the instant the price takes effect: the product’s band, else the chain price then ± the chain’s default basis points. Outside it the answer is 400 `PRICE_OUTSIDE_BAND` with the band in `details` (`minMinor`, `maxMinor`, `source`).',
  request: { params: StorePriceParams, body: jsonBody(SetStorePriceBody) },
  responses: { 200: jsonResponse(PriceEntry, 'The store’s price entry; that store’s tills pick it up at their next sync'), ...commonErrors, ...conflict },
});

const clearRoute = createRoute({
  method: 'delete', path: storePricePath, tags: ['pricing'], security: bearer, middleware: [authenticate('office')] as const,
  summary: `End a store’s own retail price of a product, in force and scheduled, so it sells at the chain price again (${whoMay})`,
  request: { params: StorePriceParams },
  responses: { 200: jsonResponse(z.object({ cleared: z.number().int() }), 'How many entries ended'), ...commonErrors },
});

const setBandRoute = createRoute({
  method: 'put', path: '/pricing/bands/{productId}', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin')] as const,
  summary: 'Set the band (lowest and highest, in fen) a product’s store prices must fall in, instead of the chain’s default (HQ only)',
  request: { params: ProductParams, body: jsonBody(PriceBandBody) },
  responses: { 200: jsonResponse(PriceBand, 'Saved; store prices already set stay as they are'), ...commonErrors },
});

const removeBandRoute = createRoute({
  method: 'delete', path: '/pricing/bands/{productId}', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin')] as const,
  summary: 'Remove a product’s band, so its store prices follow the chain’s default band again (HQ only)',
  request: { params: ProductParams },
  responses: { 200: jsonResponse(PriceBand, 'The band removed'), ...commonErrors },
});

export const storePricesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listStorePrices(c.var.deps, c.var.principal, c.req.valid('query')), 200))
  .openapi(setRoute, async (c) => c.json(await setStorePrice(c.var.deps, c.var.principal, c.req.valid('param'), c.req.valid('json')), 200))
  .openapi(clearRoute, async (c) => c.json(await clearStorePrice(c.var.deps, c.var.principal, c.req.valid('param')), 200))
  .openapi(setBandRoute, async (c) => c.json(await setPriceBand(c.var.deps, c.var.principal, c.req.valid('param').productId, c.req.valid('json')), 200))
  .openapi(removeBandRoute, async (c) => c.json(await removePriceBand(c.var.deps, c.var.principal, c.req.valid('param').productId), 200));
