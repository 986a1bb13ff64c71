import { z } from 'zod';
import { ruleInconsistencies } from '../promotions/rule-consistency';
import { PromotionRule } from '../promotions/rule-registry';
import { IsoDateTime } from './common';

/** What HQ decided: a draft is not sold yet, a paused one is stopped for now, an archived one is gone. Only `active` reaches the basket. */
export const PromotionStatus = z.enum(['draft', 'active', 'paused', 'archived']);
export type PromotionStatus = z.infer<typeof PromotionStatus>;

/** Where a promotion stands at an instant: its status, or for an active one where the instant falls in its dates. */
export const PromotionState = z.enum(['draft', 'paused', 'archived', 'scheduled', 'running', 'ended']);
export type PromotionState = z.infer<typeof PromotionState>;

/** A promotion: the engine's rule and its status. The rule's `id` is the promotion's id. */
export const Promotion = z.object({
  id: z.uuid(),
  status: PromotionStatus,
  rule: PromotionRule,
  updatedAt: IsoDateTime,
});
export type Promotion = z.infer<typeof Promotion>;

/**
 * Creates or replaces a promotion. The office makes the id (a UUID, v7 preferred) and puts it
 * in `rule.id`, so a retried create is harmless. The rule must also hold together
 * (`ruleInconsistencies`): dates in order, hour windows not empty, tiers rising.
 */
export const PromotionBody = z
  .object({
    status: PromotionStatus.exclude(['archived']).default('draft'),
    rule: PromotionRule,
  })
  .superRefine((body, ctx) => {
    if (!z.uuid().safeParse(body.rule.id).success) ctx.addIssue({ code: 'custom', message: 'a promotion id is a UUID', path: ['rule', 'id'] });
    for (const problem of ruleInconsistencies(body.rule)) ctx.addIssue({ code: 'custom', message: problem.message, path: ['rule', ...problem.path] });
  });
export type PromotionBody = z.infer<typeof PromotionBody>;

export const PromotionWithState = Promotion.extend({ state: PromotionState });
export type PromotionWithState = z.infer<typeof PromotionWithState>;

export const PromotionListQuery = z.object({ state: PromotionState.optional() });
export type PromotionListQuery = z.infer<typeof PromotionListQuery>;

export const PromotionList = z.object({ items: z.array(PromotionWithState), asOf: IsoDateTime });
export type PromotionList = z.infer<typeof PromotionList>;
