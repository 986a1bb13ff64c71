import type { Page } from 'playwright-core';

export type OfficeUser = 'hq@demo.pos' | 'east@demo.pos';

/** One office screen as a browser test opens it: its address, what shows once it has loaded, and who may open it. */
export interface OfficeScreen {
  name: string;
  hash: string;
  /** A selector that does not depend on the language, present once the screen has its data. */
  ready: string;
  users: readonly OfficeUser[];
  /** What to do after it loaded, e.g. open a panel that is part of the screen. */
  open?: (page: Page) => Promise<void>;
}

const everyone: readonly OfficeUser[] = ['hq@demo.pos', 'east@demo.pos'];
const hq: readonly OfficeUser[] = ['hq@demo.pos'];
/** A list screen once its table has rows (or says it has none). */
const table = '.ant-table-tbody tr:not(.ant-table-measure-row)';
const ruleKinds = [
  'item_discount', 'category_discount', 'brand_discount', 'member_price', 'happy_hour', 'birthday',
  'buy_n_get_m', 'spend_threshold_off', 'spend_threshold_percent', 'spend_gift', 'voucher', 'points_multiplier',
] as const;

/** Every office screen; a new screen is one more line here, and the accessibility walk covers it in both languages. */
export const officeScreens: readonly OfficeScreen[] = [
  { name: 'store-day report', hash: '#/office/reports', ready: '.office-kpis', users: everyone },
  { name: 'sales analysis', hash: '#/office/sales-analysis', ready: `[data-testid=analysis-total]`, users: everyone },
  { name: 'promotion return', hash: '#/office/promotion-return', ready: `[data-testid=promotion-return-table] ${table}`, users: everyone },
  { name: 'shifts and cash', hash: '#/office/shifts', ready: `[data-testid=shifts-table] ${table}`, users: everyone },
  { name: 'top-up rules', hash: '#/office/top-up-rules', ready: `[data-testid=top-up-rules-screen] ${table}`, users: hq, open: async (page) => { await page.click('[data-testid=top-up-rule-new]'); await page.waitForSelector('#rule-name'); } },
  { name: 'cash in/out reasons', hash: '#/office/cash-reasons', ready: `[data-testid=cash-reasons-screen] ${table}`, users: hq },
  { name: 'till shortcuts', hash: '#/office/till-shortcuts', ready: '#shortcut-complete', users: hq },
  { name: 'clerk commission', hash: '#/office/commission', ready: `[data-testid=commission-clerks] ${table}`, users: everyone },
  { name: 'commission targets and duty', hash: '#/office/commission-targets', ready: `[data-testid=commission-duty] ${table}`, users: everyone },
  {
    name: 'commission plan editor', hash: '#/office/commission-plans', ready: '[data-testid=commission-plan]', users: hq,
    open: async (page) => { await page.click('[data-testid=commission-plan-edit]'); await page.waitForSelector('#plan-name'); },
  },
  { name: 'stock on hand', hash: '#/office/stock-levels', ready: `[data-testid=stock-levels-table] ${table}`, users: everyone },
  { name: 'requisitions', hash: '#/office/requisitions', ready: `[data-testid=requisitions-table] ${table}`, users: everyone },
  { name: 'replenishment', hash: '#/office/replenishment', ready: `[data-testid=replenishment-rules] ${table}`, users: everyone },
  { name: 'allocation', hash: '#/office/allocation', ready: `[data-testid=allocation-history] ${table}`, users: hq },
  { name: 'shipments and receiving', hash: '#/office/shipments', ready: `[data-testid=shipments-table] ${table}`, users: everyone },
  { name: 'transfers between stores', hash: '#/office/transfers', ready: `[data-testid=transfers-table] ${table}`, users: everyone },
  { name: 'stock counts', hash: '#/office/counts', ready: `[data-testid=counts-table] ${table}`, users: everyone },
  {
    name: 'purchase orders', hash: '#/office/purchase-orders', ready: `[data-testid=purchase-orders-table] ${table}`, users: everyone,
    open: async (page) => { await page.click('[data-testid=order-new]'); await page.waitForSelector('#order-scan'); },
  },
  { name: 'goods receipts', hash: '#/office/goods-receipts', ready: `[data-testid=goods-receipts-table] ${table}`, users: everyone },
  {
    name: 'supplier returns', hash: '#/office/supplier-returns', ready: `[data-testid=supplier-returns-table] ${table}`, users: everyone,
    open: async (page) => { await page.click('[data-testid=return-new]'); await page.waitForSelector('#return-scan'); },
  },
  { name: 'points rules', hash: '#/office/points-rules', ready: `[data-testid=points-rules] ${table}`, users: hq },
  { name: 'tills', hash: '#/office/devices', ready: '[data-testid=device-list] .ant-table-row', users: everyone },
  { name: 'member messages', hash: '#/office/member-messages', ready: '[data-testid=member-messages-table] .ant-table-row', users: hq },
  { name: 'till monitor', hash: '#/office/till-monitor', ready: '[data-testid=till-monitor-store] .ant-table-row', users: everyone },
  {
    name: 'prices with a product chosen',
    hash: '#/office/prices',
    ready: '.office-table-select .ant-table-row',
    users: hq,
    open: async (page) => {
      await page.locator('.office-table-select .ant-table-row').first().click();
      await page.locator('.office-price-entries').waitFor();
    },
  },
  { name: 'promotions', hash: '#/office/promotions', ready: '.ant-tabs', users: hq },
  { name: 'promotion kinds', hash: '#/office/promotions/new', ready: '.office-kind', users: hq },
  ...ruleKinds.map((kind) => ({ name: `new ${kind} promotion`, hash: `#/office/promotions/new/${kind}`, ready: '#promo-name', users: hq })),
  { name: 'store assortments', hash: '#/office/assortments', ready: '[data-testid=assortment-reach]', users: hq },
  { name: 'cash rounding and scale labels', hash: '#/office/settings', ready: '[data-testid=scale-layout]', users: hq },
  { name: 'products', hash: '#/office/products', ready: table, users: hq },
  { name: 'new product', hash: '#/office/products/new', ready: '.ant-form', users: hq },
  { name: 'categories', hash: '#/office/categories', ready: table, users: hq },
  { name: 'brands', hash: '#/office/brands', ready: table, users: hq },
  { name: 'suppliers', hash: '#/office/suppliers', ready: table, users: hq },
  { name: 'store prices', hash: '#/office/store-prices', ready: table, users: everyone },
  { name: 'pricing differences', hash: '#/office/pricing-differences', ready: `[data-testid=pricing-differences-table] ${table}`, users: everyone },
  { name: 'stores', hash: '#/office/stores', ready: table, users: everyone },
  { name: 'regions', hash: '#/office/regions', ready: table, users: hq },
  { name: 'franchisees', hash: '#/office/franchisees', ready: table, users: everyone },
  { name: 'franchise statements', hash: '#/office/franchise-statements', ready: `[data-testid=franchise-statements-table] ${table}`, users: everyone },
  {
    // HQ opens this month's draft (the latest period first), a franchisee last month's approved statement.
    name: 'franchise statement', hash: '#/office/franchise-statements', ready: `[data-testid=franchise-statements-table] ${table}`, users: everyone,
    open: async (page) => { await page.locator('[data-testid=franchise-statements-table] .ant-table-row a').first().click(); await page.locator('[data-testid=statement-lines] .ant-table-row').first().waitFor(); },
  },
  { name: 'office users', hash: '#/office/users', ready: table, users: everyone },
  { name: 'clerks', hash: '#/office/clerks', ready: table, users: everyone },
  { name: 'roles and permissions', hash: '#/office/roles', ready: table, users: hq },
  { name: 'members', hash: '#/office/members', ready: `[data-testid=members-table] ${table}`, users: everyone },
  {
    name: 'a member with child cards',
    hash: '#/office/members',
    ready: `[data-testid=members-table] ${table}`,
    users: hq,
    open: async (page) => {
      await page.locator('#member-search').fill('赵建国');
      await page.locator('[data-testid=members-table] a', { hasText: '赵建国' }).click();
      await page.locator('[data-testid=member-children]').waitFor();
    },
  },
  {
    name: 'a member’s stored-value and points ledgers',
    hash: '#/office/members',
    ready: `[data-testid=members-table] ${table}`,
    users: everyone,
    open: async (page) => {
      await page.locator('#member-search').fill('王小明');
      await page.locator('[data-testid=members-table] a', { hasText: '王小明' }).first().click();
      await page.locator('[data-testid=ledger-stored-value] .ant-table-row').first().waitFor();
    },
  },
  {
    name: 'asking for a balance adjustment',
    hash: '#/office/members',
    ready: `[data-testid=members-table] ${table}`,
    users: hq,
    open: async (page) => {
      await page.locator('#member-search').fill('陈晓燕');
      await page.locator('[data-testid=members-table] a', { hasText: '陈晓燕' }).first().click();
      await page.locator('[data-testid=member-pending-adjustments]').waitFor();
      await page.click('[data-testid=adjustment-new]');
      await page.locator('#adjustment-amount').waitFor();
    },
  },
  { name: 'balance adjustments', hash: '#/office/adjustments', ready: `[data-testid=adjustments-table] ${table}`, users: hq },
  { name: 'member levels', hash: '#/office/member-levels', ready: `[data-testid=member-levels] ${table}`, users: hq, open: async (page) => { await page.locator('[data-testid=level-edit]').first().click(); await page.locator('#level-name-zh').waitFor(); } },
  { name: 'membership settings', hash: '#/office/membership-settings', ready: '[data-testid=membership-settings] #ms-pin-tries', users: hq },
  { name: 'member analysis', hash: '#/office/member-analysis', ready: `[data-testid=member-analysis-members] ${table}`, users: everyone },
  { name: 'duplicate members', hash: '#/office/member-duplicates', ready: '[data-testid=member-duplicates] .ant-card', users: hq },
  { name: 'stored-value receivables', hash: '#/office/stored-value-receivables', ready: `[data-testid=stored-value-receivables] ${table}`, users: everyone },
  { name: 'returns', hash: '#/office/returns', ready: table, users: everyone },
  { name: 'manager overrides', hash: '#/office/approvals', ready: table, users: everyone },
  {
    name: 'drawer opens, voids and reprints',
    hash: '#/office/approvals',
    ready: table,
    users: everyone,
    open: async (page) => {
      await page.locator('.ant-tabs-tab').nth(1).click();
      await page.locator(`[role=tabpanel][aria-hidden=false] ${table}`).first().waitFor();
    },
  },
  { name: 'product attributes', hash: '#/office/product-attributes', ready: '.ant-form', users: hq },
  { name: 'import and export', hash: '#/office/imports', ready: '.ant-form, .ant-card', users: everyone },
  { name: 'audit trail', hash: '#/office/audit', ready: table, users: everyone },
];
