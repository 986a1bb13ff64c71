import type { z } from 'zod';
import type { Minor } from '../money/money';
import type { StoreLocalTime } from '../pricing/store-local-time';
import type { BasketLine, MemberContext } from './promotions.schemas';
import type { LineScope } from './rule-common.schemas';

/** What a rule may look at besides the lines: the store's clock and the member. */
export interface RuleContext {
  readonly local: StoreLocalTime;
  readonly storeId: string;
  readonly member: MemberContext | null;
}

/** A line as a rule sees it: the line and what is left of its amount so far. */
export interface LineView {
  readonly line: BasketLine;
  readonly remainingMinor: Minor;
}

export interface GiftGrant {
  readonly productId: string;
  readonly quantity: number;
  readonly valueMinor: Minor;
}

interface Common {
  readonly scope: LineScope;
  readonly isActive?: (context: RuleContext) => boolean;
}

/** Stage 2, one line at a time: the discount on `units` of the line, given what remains of it. */
export interface LineBehaviour extends Common {
  readonly stage: 'line';
  readonly unitLimit: number | null;
  discount(view: LineView, units: number): Minor;
}

/** Stage 2, several lines together (buy N get M): one discount per line, in the order given. */
export interface GroupBehaviour extends Common {
  readonly stage: 'group';
  discounts(views: readonly LineView[]): Minor[];
}

/** Stage 3: `measure` is the scope's net after stage 2, `remaining` what is left of it now. */
export interface TicketBehaviour extends Common {
  readonly stage: 'ticket';
  evaluate(measure: Minor, remaining: Minor): { readonly discountMinor: Minor; readonly gifts: readonly GiftGrant[] };
}

/** Stage 4: a voucher or coupon presented by code. */
export interface VoucherBehaviour extends Common {
  readonly stage: 'voucher';
  readonly faceValueMinor: Minor;
  readonly minSpendMinor: Minor;
  readonly maxPerTicket: number;
  readonly codes: readonly string[];
}

export interface PointsBehaviour extends Common {
  readonly stage: 'points';
  readonly multiplierBp: number;
}

export type RuleBehaviour = LineBehaviour | GroupBehaviour | TicketBehaviour | VoucherBehaviour | PointsBehaviour;
export type RuleStage = RuleBehaviour['stage'];

/**
 * A rule kind: its name, the zod schema of its arguments, and what it does with them.
 * `behave` is pure and returns the behaviour; the engine decides where and when it applies.
 */
export interface RuleDefinition<K extends string = string, S extends z.ZodType = z.ZodType> {
  readonly kind: K;
  readonly args: S;
  behave(args: z.infer<S>): RuleBehaviour;
}

export function defineRule<K extends string, S extends z.ZodType>(definition: RuleDefinition<K, S>): RuleDefinition<K, S> {
  return definition;
}
