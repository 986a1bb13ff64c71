import type { StatementFigure } from '../schemas/franchise-statements';

/**
 * The figures a franchise statement is made of (加盟店结算), each the total of one source over a
 * period: what the statement bills is worked out from these, and what an approved statement
 * billed is kept as these, so anything that reaches HQ later is the difference.
 */
export const STATEMENT_FIGURES = [
  /** Net sales of the franchisee's stores (the royalty's base), from the store-day roll-up. */
  'net_sales',
  /** Goods HQ's centre shipped, and goods other owners' stores transferred, to the franchisee's stores, at the transfer price, as received. */
  'goods_supplied',
  /** Goods the franchisee's stores transferred to other owners' stores, at the transfer price, as received. */
  'goods_returned',
  /** Stored value members topped up at the franchisee's stores: money the franchisee took for the chain. */
  'stored_value_topped_up',
  /** Stored value members spent at the franchisee's stores, less reversals and refunds to the card: goods the franchisee gave for the chain's money. */
  'stored_value_spent',
  /** A cancelled card's balance the franchisee's store paid back to the member. */
  'stored_value_paid_out',
  /** Receivables of offline stored-value payments at the franchisee's stores that members paid off in full. */
  'stored_value_receivables_paid',
] as const;
export type Figures = Record<StatementFigure, number>;

/** How a figure counts towards the net: +1 the franchisee owes it to HQ, -1 HQ owes it to the franchisee. Net sales count through the royalty. */
export const figureDirection: Record<StatementFigure, 1 | -1> = {
  net_sales: 1,
  goods_supplied: 1,
  goods_returned: -1,
  stored_value_topped_up: 1,
  stored_value_spent: -1,
  stored_value_paid_out: -1,
  stored_value_receivables_paid: -1,
};

export const noFigures = (): Figures => Object.fromEntries(STATEMENT_FIGURES.map((f) => [f, 0])) as Figures;

/** `a` less `b`, figure by figure. */
export const figuresLess = (a: Figures, b: Figures): Figures =>
  Object.fromEntries(STATEMENT_FIGURES.map((f) => [f, a[f] - b[f]])) as Figures;
