import { z } from 'zod';
import type { RuleDefinition } from './define-rule';
import { RuleCommon } from './rule-common.schemas';
import { birthday } from './rules/birthday.rule';
import { brandDiscount } from './rules/brand-discount.rule';
import { buyNGetM } from './rules/buy-n-get-m.rule';
import { categoryDiscount } from './rules/category-discount.rule';
import { happyHour } from './rules/happy-hour.rule';
import { itemDiscount } from './rules/item-discount.rule';
import { memberPrice } from './rules/member-price.rule';
import { pointsMultiplier } from './rules/points-multiplier.rule';
import { spendGift } from './rules/spend-gift.rule';
import { spendThresholdOff } from './rules/spend-threshold-off.rule';
import { spendThresholdPercent } from './rules/spend-threshold-percent.rule';
import { voucher } from './rules/voucher.rule';

const definitions = [
  itemDiscount,
  categoryDiscount,
  brandDiscount,
  memberPrice,
  happyHour,
  birthday,
  buyNGetM,
  spendThresholdOff,
  spendThresholdPercent,
  spendGift,
  voucher,
  pointsMultiplier,
] as const;

export type RuleKind = (typeof definitions)[number]['kind'];

export const ruleDefinitions: ReadonlyMap<string, RuleDefinition> = new Map(definitions.map((d) => [d.kind, d]));

const withCommon = <K extends string, A extends z.ZodType>(definition: { kind: K; args: A }) =>
  RuleCommon.extend({ kind: z.literal(definition.kind), args: definition.args });

/** A promotion rule as HQ stores it and the till syncs it. */
export const PromotionRule = z
  .discriminatedUnion('kind', [
    withCommon(itemDiscount),
    withCommon(categoryDiscount),
    withCommon(brandDiscount),
    withCommon(memberPrice),
    withCommon(happyHour),
    withCommon(birthday),
    withCommon(buyNGetM),
    withCommon(spendThresholdOff),
    withCommon(spendThresholdPercent),
    withCommon(spendGift),
    withCommon(voucher),
    withCommon(pointsMultiplier),
  ])
  .refine((rule) => (rule.combination === 'best_of') === (rule.group !== null), {
    message: 'a best_of rule names its group, and only a best_of rule does',
    path: ['group'],
  });
export type PromotionRule = z.infer<typeof PromotionRule>;
