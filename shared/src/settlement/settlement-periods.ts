import type { SettlementCycle } from '../schemas/org-admin';

/**
 * A franchise settlement period (做期): a calendar month (`2026-11`) or a calendar quarter
 * (`2026-Q4`), as the franchisee's contract sets its cycle. Days are `YYYY-MM-DD` business
 * days, so there is no time zone here.
 */

export interface SettlementPeriod {
  /** `YYYY-MM` for a month, `YYYY-Qn` for a quarter. */
  readonly key: string;
  /** The first business day. */
  readonly from: string;
  /** The last business day. */
  readonly to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Months `first`..`last` (1-12) of `year` as one period. */
function monthsPeriod(key: string, year: number, first: number, last: number): SettlementPeriod {
  return { key, from: `${pad(year, 4)}-${pad(first)}-01`, to: `${pad(year, 4)}-${pad(last)}-${pad(lastDayOf(year, last))}` };
}

/** The period `key` names under `cycle`; a key of the other cycle, or no key at all, is a RangeError. */
export function settlementPeriod(cycle: SettlementCycle, key: string): SettlementPeriod {
  const monthly = /^(\d{4})-(\d{2})$/.exec(key);
  const quarterly = /^(\d{4})-Q([1-4])$/.exec(key);
  if (cycle === 'monthly' && monthly && Number(monthly[2]) >= 1 && Number(monthly[2]) <= 12) {
    return monthsPeriod(key, Number(monthly[1]), Number(monthly[2]), Number(monthly[2]));
  }
  if (cycle === 'quarterly' && quarterly) {
    const quarter = Number(quarterly[2]);
    return monthsPeriod(key, Number(quarterly[1]), quarter * 3 - 2, quarter * 3);
  }
  throw new RangeError(`not a ${cycle} period: ${key}`);
}

export function isSettlementPeriodKey(cycle: SettlementCycle, key: string): boolean {
  try {
    settlementPeriod(cycle, key);
    return true;
  } catch {
    return false;
  }
}

/** The period a business day (`YYYY-MM-DD`) falls in. */
export function settlementPeriodOf(cycle: SettlementCycle, date: string): SettlementPeriod {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return settlementPeriod(cycle, cycle === 'monthly' ? date.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`);
}

/** The period just before `period`. */
export function previousSettlementPeriod(cycle: SettlementCycle, period: SettlementPeriod): SettlementPeriod {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  const before = month === 1 ? `${pad(year - 1, 4)}-12-01` : `${pad(year, 4)}-${pad(month - 1)}-01`;
  return settlementPeriodOf(cycle, before);
}

/** The period holding `today` and the `count - 1` before it, latest first: what HQ may draft. */
export function recentSettlementPeriods(cycle: SettlementCycle, today: string, count: number): SettlementPeriod[] {
  const periods = [settlementPeriodOf(cycle, today)];
  while (periods.length < count) periods.push(previousSettlementPeriod(cycle, periods[periods.length - 1]!));
  return periods;
}
