import { minor, type LineScope, type Offer, type PromotionRule, type RuleCommon, type RuleKind } from '@pos/shared';

export type RuleOf<K extends RuleKind> = Extract<PromotionRule, { kind: K }>;
export type ArgsOf<K extends RuleKind> = RuleOf<K>['args'];

/** Every rule kind, in the order the editor offers them. */
export const ruleKinds: readonly RuleKind[] = [
  'item_discount',
  'category_discount',
  'brand_discount',
  'member_price',
  'buy_n_get_m',
  'spend_threshold_off',
  'spend_threshold_percent',
  'spend_gift',
  'voucher',
  'happy_hour',
  'birthday',
  'points_multiplier',
];

export function isRuleKind(text: string | undefined): text is RuleKind {
  return ruleKinds.some((k) => k === text);
}

const everyLine: LineScope = { productIds: [], categoryIds: [], brandIds: [] };
const tenPercentOff: Offer = { type: 'percent_off', percentBp: 1_000 };

/** Checked per kind by the mapped type, so each default matches its own rule's schema. */
const defaultArgs: { [K in RuleKind]: ArgsOf<K> } = {
  item_discount: { productIds: [], offer: tenPercentOff, unitLimit: null },
  category_discount: { categoryIds: [], offer: tenPercentOff, unitLimit: null },
  brand_discount: { brandIds: [], offer: tenPercentOff, unitLimit: null },
  member_price: { productIds: [], priceMinor: minor(0), unitLimit: null },
  happy_hour: { scope: everyLine, offer: tenPercentOff, windows: [{ from: '17:00', to: '19:00' }], unitLimit: null },
  birthday: { scope: everyLine, offer: tenPercentOff, window: 'month', unitLimit: null },
  buy_n_get_m: { scope: everyLine, buy: 2, get: 1, rewardPercentBp: 10_000, maxApplications: null },
  spend_threshold_off: { scope: everyLine, tiers: [{ minSpendMinor: minor(10_000), offMinor: minor(1_000) }], repeat: false },
  spend_threshold_percent: { scope: everyLine, tiers: [{ minSpendMinor: minor(20_000), percentBp: 1_000 }] },
  spend_gift: { scope: everyLine, minSpendMinor: minor(10_000), gift: { productId: '', quantity: 1, valueMinor: minor(0) } },
  voucher: { scope: everyLine, codes: [], faceValueMinor: minor(1_000), minSpendMinor: minor(0), maxPerTicket: 1 },
  points_multiplier: { scope: everyLine, multiplierBp: 20_000 },
};

const common = (id: string): RuleCommon => ({
  id, name: '', priority: 0, combination: 'stackable', group: null, validFrom: null, validTo: null, weekdays: [], hours: [], storeIds: [], memberLevelIds: [],
});

/** A new rule of a kind with sensible arguments; only the name and what it applies to are left to fill in. */
export function newRule(kind: RuleKind, id: string): PromotionRule {
  // TypeScript cannot pair a kind with its own arguments through an index; the map above is checked per kind.
  return { ...common(id), kind, args: defaultArgs[kind] } as PromotionRule;
}
