/**
 * The periods a sales analysis compares a range with: 环比, the period just before, and 同比, the
 * same period a year earlier. Days are `YYYY-MM-DD` calendar days, so there is no time zone here.
 */

export interface DayRange {
  from: string;
  to: string;
}

export interface ComparedPeriods {
  current: DayRange;
  /** 环比: whole months before whole months, otherwise as many days just before. */
  previous: DayRange;
  /** 同比: the same months a year earlier, the same weekdays 52 weeks earlier for whole weeks, otherwise the same dates (29 February becoming the 28th). */
  lastYear: DayRange;
}

const DAY_MS = 86_400_000;

const toUtc = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const addDays = (day: string, days: number): string => fromUtc(toUtc(day) + days * DAY_MS);

/** Days from `from` to `to`, both counted. */
export const daysIn = ({ from, to }: DayRange): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The day `months` months from `day`, kept inside its month: 31 March less one month is 28 or 29 February. */
function addMonths(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const date = Math.min(Number(day.slice(8, 10)), lastDayOfMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

const isMonthStart = (day: string): boolean => day.endsWith('-01');
const isMonthEnd = (day: string): boolean => Number(day.slice(8, 10)) === lastDayOfMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
/** Monday is 1, Sunday 7. */
const isoWeekday = (day: string): number => ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;

function monthsSpanned({ from, to }: DayRange): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** Whole calendar months shifted by `months`, ending on the last day of the last month. */
function shiftWholeMonths(range: DayRange, months: number): DayRange {
  const from = addMonths(range.from, months);
  const lastMonth = addMonths(range.to.slice(0, 8) + '01', months);
  return { from, to: `${lastMonth.slice(0, 8)}${String(lastDayOfMonth(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)))).padStart(2, '0')}` };
}

export function comparedPeriods(current: DayRange): ComparedPeriods {
  if (current.from > current.to) throw new RangeError('`from` must not be after `to`');
  const days = daysIn(current);
  if (isMonthStart(current.from) && isMonthEnd(current.to)) {
    const months = monthsSpanned(current);
    return { current, previous: shiftWholeMonths(current, -months), lastYear: shiftWholeMonths(current, -12) };
  }
  const previous = { from: addDays(current.from, -days), to: addDays(current.from, -1) };
  if (days % 7 === 0 && isoWeekday(current.from) === 1) {
    return { current, previous, lastYear: { from: addDays(current.from, -364), to: addDays(current.to, -364) } };
  }
  return { current, previous, lastYear: { from: addMonths(current.from, -12), to: addMonths(current.to, -12) } };
}

/** The whole calendar months inside a range, as the days they span (the first day of the first to the last day of the last); null when it holds none. */
export function wholeMonthsIn({ from, to }: DayRange): DayRange | null {
  const first = isMonthStart(from) ? from : addMonths(`${from.slice(0, 8)}01`, 1);
  const last = isMonthEnd(to) ? to : addDays(`${to.slice(0, 8)}01`, -1);
  return first <= last ? { from: first, to: last } : null;
}

export type TrendGrain = 'day' | 'week' | 'month';

/** The first day of the bucket `day` falls in: itself, its week's Monday, or its month's first day. */
export function bucketStart(day: string, grain: TrendGrain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  return addDays(day, 1 - isoWeekday(day));
}

/** Growth of `now` over `then` in basis points (+1250 is +12.5%); null when there is nothing to compare with. */
export function growthBp(now: number, then: number): number | null {
  if (then === 0) return null;
  return Math.round(((now - then) * 10_000) / Math.abs(then));
}
