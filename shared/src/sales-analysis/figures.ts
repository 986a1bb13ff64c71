import type { ComparedFigures, SalesFigures } from '../schemas/reports';

/**
 * A part's sums as the roll-ups give them. Which sums mean something depends on the roll-up read:
 * `null` where it does not hold the figure (returns by hour, tickets by category, units by tender).
 */
export interface RawFigures {
  salesMinor: number;
  quantity: number | null;
  tickets: number | null;
  discountMinor: number;
  returnsMinor: number | null;
  marginMinor: number | null;
  uncostedMinor: number | null;
}

export const NO_FIGURES: RawFigures = { salesMinor: 0, quantity: 0, tickets: 0, discountMinor: 0, returnsMinor: 0, marginMinor: 0, uncostedMinor: 0 };

const plus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

export function addFigures(a: RawFigures, b: RawFigures): RawFigures {
  return {
    salesMinor: a.salesMinor + b.salesMinor, quantity: plus(a.quantity, b.quantity), tickets: plus(a.tickets, b.tickets),
    discountMinor: a.discountMinor + b.discountMinor, returnsMinor: plus(a.returnsMinor, b.returnsMinor),
    marginMinor: plus(a.marginMinor, b.marginMinor), uncostedMinor: plus(a.uncostedMinor, b.uncostedMinor),
  };
}

export const sumFigures = (all: Iterable<RawFigures>, empty: RawFigures = NO_FIGURES): RawFigures => {
  let total = empty;
  for (const f of all) total = addFigures(total, f);
  return total;
};

/** The figures a reader sees: average basket and margin rate worked out, margin hidden from a role that does not see cost. */
export function finishFigures(raw: RawFigures, seeCost: boolean): SalesFigures {
  const costed = raw.uncostedMinor === null ? null : raw.salesMinor - raw.uncostedMinor;
  const margin = seeCost ? raw.marginMinor : null;
  return {
    salesMinor: raw.salesMinor,
    quantity: raw.quantity,
    tickets: raw.tickets,
    averageBasketMinor: raw.tickets ? Math.round(raw.salesMinor / raw.tickets) : null,
    discountMinor: raw.discountMinor,
    returnsMinor: raw.returnsMinor,
    marginMinor: margin,
    marginRateBp: margin === null || !costed ? null : Math.round((margin * 10_000) / costed),
    uncostedMinor: seeCost ? raw.uncostedMinor : null,
  };
}

export interface ComparedRaw {
  current: RawFigures;
  previous: RawFigures;
  lastYear: RawFigures;
}

export const finishCompared = (raw: ComparedRaw, seeCost: boolean): ComparedFigures => ({
  current: finishFigures(raw.current, seeCost), previous: finishFigures(raw.previous, seeCost), lastYear: finishFigures(raw.lastYear, seeCost),
});

export const addCompared = (a: ComparedRaw, b: ComparedRaw): ComparedRaw => ({
  current: addFigures(a.current, b.current), previous: addFigures(a.previous, b.previous), lastYear: addFigures(a.lastYear, b.lastYear),
});
