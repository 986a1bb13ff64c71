import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { OfficeModule, UserRole } from '@pos/shared';
import type { MessageKey } from '../i18n/messages-en';

/** The menu's groups, in the order the menu shows them; a group without a section for the user is left out. */
export const officeMenuGroups = ['catalog', 'organisation', 'people', 'members', 'stock', 'sales', 'settings'] as const;
export type OfficeMenuGroup = (typeof officeMenuGroups)[number];

export const menuGroupLabel: Record<OfficeMenuGroup, MessageKey> = {
  catalog: 'office.group.catalog',
  organisation: 'office.group.organisation',
  people: 'office.group.people',
  members: 'office.group.members',
  stock: 'office.group.stock',
  sales: 'office.group.sales',
  settings: 'office.group.settings',
};

/** What a screen gets: the address segments after its key, e.g. `['edit', id]` for `#/office/promotions/edit/<id>`. */
export interface OfficeScreenProps {
  rest: string[];
}

export interface OfficeSectionEntry {
  /** The address: `#/office/<key>[/<sub>…]`. */
  key: string;
  group: OfficeMenuGroup;
  label: MessageKey;
  /** Who sees it in the menu and may open it; HQ checks every call again. */
  roles: readonly UserRole[];
  /** The office module whose permission (none/view/edit) shows it; the user's role decides the rest. */
  module?: OfficeModule;
  /** Loaded the first time it is opened. */
  screen: LazyExoticComponent<ComponentType<OfficeScreenProps>>;
}

const hqOnly: readonly UserRole[] = ['hq_admin'];
const storeStaff: readonly UserRole[] = ['hq_admin', 'region_manager', 'franchisee', 'store_manager'];

/** A lazily loaded screen from a module's named export. */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType<OfficeScreenProps>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * Every office screen, one entry each. A role opens the first entry it may see when the address
 * names none (or one it may not open), so the store-day report comes first.
 */
export const officeSections: readonly OfficeSectionEntry[] = [
  { key: 'reports', group: 'sales', label: 'office.nav.reports', roles: storeStaff, module: 'reports', screen: screen(() => import('./store-day-screen'), 'StoreDayScreen') },
  { key: 'sales-analysis', group: 'sales', label: 'office.nav.salesAnalysis', roles: storeStaff, module: 'reports', screen: screen(() => import('./sales-analysis-screen'), 'SalesAnalysisScreen') },
  { key: 'promotion-return', group: 'sales', label: 'office.nav.promotionReturn', roles: storeStaff, module: 'reports', screen: screen(() => import('./promotion-return-screen'), 'PromotionReturnScreen') },
  { key: 'products', group: 'catalog', label: 'office.nav.products', roles: hqOnly, module: 'catalog', screen: screen(() => import('./products-screen'), 'ProductsScreen') },
  { key: 'categories', group: 'catalog', label: 'office.nav.categories', roles: hqOnly, module: 'catalog', screen: screen(() => import('./categories-screen'), 'CategoriesScreen') },
  { key: 'brands', group: 'catalog', label: 'office.nav.brands', roles: hqOnly, module: 'catalog', screen: screen(() => import('./brands-screen'), 'BrandsScreen') },
  { key: 'suppliers', group: 'catalog', label: 'office.nav.suppliers', roles: hqOnly, module: 'suppliers', screen: screen(() => import('./suppliers-screen'), 'SuppliersScreen') },
  { key: 'prices', group: 'catalog', label: 'office.nav.prices', roles: hqOnly, module: 'prices', screen: screen(() => import('./prices-screen'), 'PricesScreen') },
  { key: 'store-prices', group: 'catalog', label: 'office.nav.storePrices', roles: storeStaff, module: 'prices', screen: screen(() => import('./store-prices-screen'), 'StorePricesScreen') },
  { key: 'pricing-differences', group: 'catalog', label: 'office.nav.pricingDifferences', roles: storeStaff, module: 'prices', screen: screen(() => import('./pricing-differences-screen'), 'PricingDifferencesScreen') },
  { key: 'promotions', group: 'catalog', label: 'office.nav.promotions', roles: hqOnly, module: 'promotions', screen: screen(() => import('./promotions-screen'), 'PromotionsScreen') },
  { key: 'assortments', group: 'catalog', label: 'office.nav.assortments', roles: hqOnly, module: 'catalog', screen: screen(() => import('./assortment-screen'), 'AssortmentScreen') },
  { key: 'stores', group: 'organisation', label: 'office.nav.stores', roles: storeStaff, module: 'organisation', screen: screen(() => import('./stores-screen'), 'StoresScreen') },
  { key: 'regions', group: 'organisation', label: 'office.nav.regions', roles: hqOnly, module: 'organisation', screen: screen(() => import('./regions-screen'), 'RegionsScreen') },
  { key: 'franchisees', group: 'organisation', label: 'office.nav.franchisees', roles: ['hq_admin', 'franchisee'], module: 'organisation', screen: screen(() => import('./franchisees-screen'), 'FranchiseesScreen') },
  { key: 'franchise-statements', group: 'organisation', label: 'office.nav.franchiseStatements', roles: ['hq_admin', 'franchisee'], module: 'organisation', screen: screen(() => import('./franchise-statements-screen'), 'FranchiseStatementsScreen') },
  { key: 'till-monitor', group: 'organisation', label: 'office.nav.tillMonitor', roles: storeStaff, module: 'devices', screen: screen(() => import('./till-monitor-screen'), 'TillMonitorScreen') },
  { key: 'devices', group: 'organisation', label: 'office.nav.devices', roles: storeStaff, module: 'devices', screen: screen(() => import('./devices-screen'), 'DevicesScreen') },
  { key: 'users', group: 'people', label: 'office.nav.users', roles: storeStaff, module: 'people', screen: screen(() => import('./people/users-screen'), 'UsersScreen') },
  { key: 'clerks', group: 'people', label: 'office.nav.clerks', roles: storeStaff, module: 'people', screen: screen(() => import('./people/clerks-screen'), 'ClerksScreen') },
  { key: 'commission', group: 'people', label: 'office.nav.commission', roles: storeStaff, module: 'commission', screen: screen(() => import('./commission-screen'), 'CommissionScreen') },
  { key: 'commission-targets', group: 'people', label: 'office.nav.commissionTargets', roles: storeStaff, module: 'commission', screen: screen(() => import('./commission-targets-screen'), 'CommissionTargetsScreen') },
  { key: 'commission-plans', group: 'people', label: 'office.nav.commissionPlans', roles: hqOnly, module: 'commission', screen: screen(() => import('./commission-plans-screen'), 'CommissionPlansScreen') },
  { key: 'roles', group: 'people', label: 'office.nav.roles', roles: hqOnly, module: 'roles', screen: screen(() => import('./people/roles-screen'), 'RolesScreen') },
  { key: 'members', group: 'members', label: 'office.nav.members', roles: storeStaff, module: 'members', screen: screen(() => import('./members-screen'), 'MembersScreen') },
  { key: 'member-analysis', group: 'members', label: 'office.nav.memberAnalysis', roles: storeStaff, module: 'members', screen: screen(() => import('./member-analysis-screen'), 'MemberAnalysisScreen') },
  { key: 'member-duplicates', group: 'members', label: 'office.nav.memberDuplicates', roles: hqOnly, module: 'members', screen: screen(() => import('./member-duplicates-screen'), 'MemberDuplicatesScreen') },
  { key: 'top-up-rules', group: 'members', label: 'office.nav.topUpRules', roles: hqOnly, module: 'members', screen: screen(() => import('./top-up-rules-screen'), 'TopUpRulesScreen') },
  { key: 'points-rules', group: 'members', label: 'office.nav.pointsRules', roles: hqOnly, module: 'members', screen: screen(() => import('./points-rules-screen'), 'PointsRulesScreen') },
  { key: 'adjustments', group: 'members', label: 'office.nav.adjustments', roles: hqOnly, module: 'members', screen: screen(() => import('./stored-value-adjustments-screen'), 'StoredValueAdjustmentsScreen') },
  { key: 'member-levels', group: 'members', label: 'office.nav.memberLevels', roles: hqOnly, module: 'prices', screen: screen(() => import('./member-levels-screen'), 'MemberLevelsScreen') },
  { key: 'membership-settings', group: 'members', label: 'office.nav.membershipSettings', roles: hqOnly, module: 'settings', screen: screen(() => import('./membership-settings-screen'), 'MembershipSettingsScreen') },
  { key: 'member-messages', group: 'members', label: 'office.nav.memberMessages', roles: hqOnly, module: 'members', screen: screen(() => import('./member-messages-screen'), 'MemberMessagesScreen') },
  { key: 'stored-value-receivables', group: 'members', label: 'office.nav.storedValueReceivables', roles: storeStaff, module: 'members', screen: screen(() => import('./stored-value-receivables-screen'), 'StoredValueReceivablesScreen') },
  { key: 'stock-levels', group: 'stock', label: 'office.nav.stockLevels', roles: storeStaff, module: 'stock', screen: screen(() => import('./stock-levels-screen'), 'StockLevelsScreen') },
  { key: 'requisitions', group: 'stock', label: 'office.nav.requisitions', roles: storeStaff, module: 'stock', screen: screen(() => import('./requisitions-screen'), 'RequisitionsScreen') },
  { key: 'replenishment', group: 'stock', label: 'office.replenishment.nav', roles: storeStaff, module: 'stock', screen: screen(() => import('./replenishment-screen'), 'ReplenishmentScreen') },
  { key: 'allocation', group: 'stock', label: 'office.nav.allocation', roles: hqOnly, module: 'stock', screen: screen(() => import('./allocation-screen'), 'AllocationScreen') },
  { key: 'shipments', group: 'stock', label: 'office.nav.shipments', roles: storeStaff, module: 'stock', screen: screen(() => import('./shipments-screen'), 'ShipmentsScreen') },
  { key: 'transfers', group: 'stock', label: 'office.nav.transfers', roles: storeStaff, module: 'stock', screen: screen(() => import('./transfers-screen'), 'TransfersScreen') },
  { key: 'counts', group: 'stock', label: 'office.nav.counts', roles: storeStaff, module: 'stock', screen: screen(() => import('./counts-screen'), 'CountsScreen') },
  { key: 'purchase-orders', group: 'stock', label: 'office.receiving.nav.orders', roles: storeStaff, module: 'stock', screen: screen(() => import('./purchase-orders-screen'), 'PurchaseOrdersScreen') },
  { key: 'goods-receipts', group: 'stock', label: 'office.receiving.nav.receipts', roles: storeStaff, module: 'stock', screen: screen(() => import('./goods-receipts-screen'), 'GoodsReceiptsScreen') },
  { key: 'supplier-returns', group: 'stock', label: 'office.receiving.nav.returns', roles: storeStaff, module: 'stock', screen: screen(() => import('./supplier-returns-screen'), 'SupplierReturnsScreen') },
  { key: 'returns', group: 'sales', label: 'office.nav.returns', roles: storeStaff, module: 'reports', screen: screen(() => import('./returns-screen'), 'ReturnsScreen') },
  { key: 'shifts', group: 'sales', label: 'office.nav.shifts', roles: storeStaff, module: 'reports', screen: screen(() => import('./shifts-screen'), 'ShiftsScreen') },
  { key: 'cash-reasons', group: 'settings', label: 'office.nav.cashReasons', roles: hqOnly, module: 'settings', screen: screen(() => import('./cash-reasons-screen'), 'CashReasonsScreen') },
  { key: 'till-shortcuts', group: 'settings', label: 'office.nav.tillShortcuts', roles: hqOnly, module: 'settings', screen: screen(() => import('./till-shortcuts-screen'), 'TillShortcutsScreen') },
  { key: 'approvals', group: 'sales', label: 'office.nav.approvals', roles: storeStaff, module: 'reports', screen: screen(() => import('./approvals-screen'), 'ApprovalsScreen') },
  { key: 'settings', group: 'settings', label: 'office.nav.settings', roles: hqOnly, module: 'settings', screen: screen(() => import('./pricing-settings-screen'), 'PricingSettingsScreen') },
  { key: 'product-attributes', group: 'settings', label: 'office.nav.productAttributes', roles: hqOnly, module: 'catalog', screen: screen(() => import('./product-attributes-screen'), 'ProductAttributesScreen') },
  { key: 'imports', group: 'settings', label: 'office.nav.imports', roles: ['hq_admin', 'franchisee'], module: 'imports', screen: screen(() => import('./imports-screen'), 'ImportsScreen') },
  { key: 'audit', group: 'settings', label: 'office.nav.audit', roles: storeStaff, module: 'audit', screen: screen(() => import('./audit-screen'), 'AuditScreen') },
];
