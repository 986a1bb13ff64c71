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
const ruleKinds = [
  'item_discount', 'category_discount', 'brand_discount', 'member_price', 'happy_hour', 'birthday',
  'buy_n_get_m', 'spend_threshold_off', 'spend_threshold_percent', 'spend_gift', 'voucher', 'points_multiplier',
] as const;

/** Every office screen; a new screen is one more line here, and the accessibility walk covers it in both languages. */
export const officeScreens: readonly OfficeScreen[] = [
  { name: 'store-day report', hash: '#/office/reports', ready: '.office-kpis', users: everyone },
  { name: 'tills', hash: '#/office/devices', ready: '[data-testid=device-list] .ant-table-row', users: everyone },
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
];
