import { OpenAPIHono } from '@hono/zod-openapi';
import { authRoutes } from './auth/auth.routes';
import { devicesRoutes } from './auth/devices.routes';
import { sessionsRoutes } from './auth/sessions.routes';
import { auditRoutes } from './audit/audit.routes';
import { assortmentsRoutes } from './catalog/assortments.routes';
import { brandsRoutes } from './catalog/brands.routes';
import { catalogRoutes } from './catalog/catalog.routes';
import { categoriesRoutes } from './catalog/categories.routes';
import { productsRoutes } from './catalog/products.routes';
import { commissionRoutes } from './commission/commission.routes';
import { stockRoutes } from './stock/stock.routes';
import { storeStockRoutes } from './stock/store-stock.routes';
import { receivingRoutes } from './stock/receiving.routes';
import { replenishmentRoutes } from './stock/replenishment.routes';
import type { AppEnv, Deps } from './http/app-env';
import { limitBodies } from './http/body-limit';
import { AppError, errorResponse, onError, validationError } from './http/errors';
import { importsRoutes } from './imports/imports.routes';
import { memberCardsRoutes } from './members/member-cards.routes';
import { membersRoutes } from './members/members.routes';
import { franchiseesRoutes } from './org/franchisees.routes';
import { pointsAdminRoutes } from './points/points-admin.routes';
import { pointsRoutes } from './points/points.routes';
import { orgRoutes } from './org/org.routes';
import { regionsRoutes } from './org/regions.routes';
import { storeAdminRoutes } from './org/store-admin.routes';
import { pricingPreviewRoutes } from './pricing/pricing-preview.routes';
import { pricingSettingsRoutes } from './pricing/pricing-settings.routes';
import { pricingRoutes } from './pricing/pricing.routes';
import { storePricesRoutes } from './pricing/store-prices.routes';
import { promotionsRoutes } from './promotions/promotions.routes';
import { reportsRoutes } from './reports/reports.routes';
import { promotionReturnRoutes } from './reports/promotion-return.routes';
import { salesAnalysisRoutes } from './reports/sales-analysis.routes';
import { memberAnalysisRoutes } from './reports/member-analysis.routes';
import { storedValueFloatRoutes } from './stored-value/stored-value-float.routes';
import { settlementRoutes } from './settlement/settlement.routes';
import { returnsRoutes } from './returns/returns.routes';
import { approvalsRoutes } from './sales/approvals.routes';
import { salesJournalRoutes } from './sales/sales-journal.routes';
import { vouchersRoutes } from './sales/vouchers.routes';
import { storedValueOfficeRoutes } from './stored-value/stored-value-office.routes';
import { storedValueRoutes } from './stored-value/stored-value.routes';
import { suppliersRoutes } from './suppliers/suppliers.routes';
import { clerksRoutes } from './people/clerks.routes';
import { usersRoutes } from './people/users.routes';
import { rolesRoutes } from './roles/roles.routes';
import { cashReasonsRoutes } from './shifts/cash-reasons.routes';
import { shiftsRoutes } from './shifts/shifts.routes';
import { syncRoutes } from './sync/sync.routes';
import { tillEventsRoutes } from './till-events/till-events.routes';
import { tillMonitorRoutes } from './till-monitor/till-monitor.routes';
import { memberMessagesRoutes } from './member-messages/member-messages.routes';
import { observabilityRoutes } from './observability/observability.routes';
import { observeRequests } from './observability/request-log';
import { tillShortcutsRoutes } from './till-shortcuts/till-shortcuts.routes';

/** How a validation error names the part of the request that was wrong. */
const targetNames: Record<string, string> = { json: 'body', param: 'path' };

/** The HQ API. Every capability mounts its routes here; `deps` carries the database and the clock. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error, `request ${targetNames[result.target] ?? result.target}`));
    },
  });
  if (deps.observability) app.use(observeRequests(deps.observability));
  if (deps.admission) app.use(deps.admission.middleware);
  app.use(limitBodies());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.header('cache-control', 'no-store');
    await next();
  });
  app.route('/', observabilityRoutes);
  app.route('/', authRoutes);
  app.route('/', sessionsRoutes);
  app.route('/', devicesRoutes);
  app.route('/', syncRoutes);
  app.route('/', tillMonitorRoutes);
  app.route('/', memberMessagesRoutes);
  app.route('/', reportsRoutes);
  app.route('/', salesAnalysisRoutes);
  app.route('/', promotionReturnRoutes);
  app.route('/', memberAnalysisRoutes);
  app.route('/', storedValueFloatRoutes);
  app.route('/', orgRoutes);
  app.route('/', catalogRoutes);
  app.route('/', categoriesRoutes);
  app.route('/', brandsRoutes);
  app.route('/', productsRoutes);
  app.route('/', assortmentsRoutes);
  app.route('/', pricingRoutes);
  app.route('/', pricingPreviewRoutes);
  app.route('/', pricingSettingsRoutes);
  app.route('/', promotionsRoutes);
  app.route('/', vouchersRoutes);
  app.route('/', memberCardsRoutes);
  app.route('/', membersRoutes);
  app.route('/', pointsRoutes);
  app.route('/', pointsAdminRoutes);
  app.route('/', storedValueRoutes);
  app.route('/', storedValueOfficeRoutes);
  app.route('/', storePricesRoutes);
  app.route('/', auditRoutes);
  app.route('/', importsRoutes);
  app.route('/', approvalsRoutes);
  app.route('/', salesJournalRoutes);
  app.route('/', tillEventsRoutes);
  app.route('/', returnsRoutes);
  app.route('/', storeAdminRoutes);
  app.route('/', regionsRoutes);
  app.route('/', franchiseesRoutes);
  app.route('/', settlementRoutes);
  app.route('/', suppliersRoutes);
  app.route('/', usersRoutes);
  app.route('/', clerksRoutes);
  app.route('/', rolesRoutes);
  app.route('/', cashReasonsRoutes);
  app.route('/', shiftsRoutes);
  app.route('/', tillShortcutsRoutes);
  app.route('/', commissionRoutes);
  app.route('/', stockRoutes);
  app.route('/', receivingRoutes);
  app.route('/', storeStockRoutes);
  app.route('/', replenishmentRoutes);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http', scheme: 'bearer', description: 'An office session token, or a till device token (`dev.…`)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'metricsToken', {
    type: 'http', scheme: 'bearer', description: 'The monitoring’s METRICS_TOKEN, for GET /metrics only',
  });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'POS HQ API', version: '1.0.0', description: 'Retail chain HQ: sync, devices, auth, reports, stores, catalog, prices, promotions and members.' } });
  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
