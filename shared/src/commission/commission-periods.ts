/**
 * A commission period (结算周期): a month, or the chain's cycle of a month starting on another
 * day (the 26th to the 25th). It is named by the month it ends in: with a cycle from the 26th,
 * `2026-12` runs from 26 November to 25 December.
 */
export interface PeriodSpan {
  /** YYYY-MM */
  readonly key: string;
  /** The first business day, YYYY-MM-DD. */
  readonly from: string;
  /** The last business day, YYYY-MM-DD. */
  readonly to: string;
}

/** The earliest and latest day a cycle may start on: every month has them. */
export const CYCLE_START_DAYS = { min: 1, max: 28 } as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthKey = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
const day = (year: number, month: number, d: number) => `${monthKey(year, month)}-${pad(d)}`;

/** The month before `year`-`month` (1-12). */
function previousMonth(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkStartDay(startDay: number): void {
  if (!Number.isInteger(startDay) || startDay < CYCLE_START_DAYS.min || startDay > CYCLE_START_DAYS.max) throw new RangeError('a cycle starts on a day from 1 to 28');
}

/** The period named `key` (YYYY-MM) under a cycle starting on `startDay`. */
export function periodByKey(key: string, startDay: number): PeriodSpan {
  checkStartDay(startDay);
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`not a period: ${key}`);
  const year = Number(match[1]);
  if (startDay === 1) return { key, from: day(year, month, 1), to: day(year, month, lastDayOf(year, month)) };
  const [py, pm] = previousMonth(year, month);
  return { key, from: day(py, pm, startDay), to: day(year, month, startDay - 1) };
}

/** The period a business day (YYYY-MM-DD) falls in. */
export function periodOf(date: string, startDay: number): PeriodSpan {
  checkStartDay(startDay);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const [year, month, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (startDay === 1 || d < startDay) return periodByKey(monthKey(year, month), startDay);
  return periodByKey(month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1), startDay);
}

/** The period before, and the same period a year before (同比): what a month is compared with. */
export function periodsToCompare(key: string): { previous: string; lastYear: string } {
  const [year, month] = key.split('-').map(Number) as [number, number];
  const [py, pm] = previousMonth(year, month);
  return { previous: monthKey(py, pm), lastYear: monthKey(year - 1, month) };
}
