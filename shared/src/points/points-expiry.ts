import type { PointsExpiryPolicy } from '../schemas/points';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A day `months` later, held to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = parts(day);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(date, daysIn(y, m)))}`;
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The first day on which points earned on `earnedOn` no longer count, or null when they never lapse. */
export function pointsExpireOn(earnedOn: string, policy: PointsExpiryPolicy): string | null {
  switch (policy.kind) {
    case 'none':
      return null;
    case 'end_of_year':
      return `${pad(parts(earnedOn)[0] + 1, 4)}-01-01`;
    case 'after_months':
      return addMonths(earnedOn, policy.months);
  }
}

/**
 * The first earning day still good on `asOf`: points earned before it have lapsed by then
 * (`pointsExpireOn(day) <= asOf` exactly when `day` is before it). Null when nothing lapses.
 */
export function firstUnexpiredEarningDay(asOf: string, policy: PointsExpiryPolicy): string | null {
  switch (policy.kind) {
    case 'none':
      return null;
    case 'end_of_year':
      return `${pad(parts(asOf)[0], 4)}-01-01`;
    case 'after_months': {
      // Adding months holds the day to the month's end, so a few days past `asOf - months` may lapse on the same day.
      let day = addMonths(asOf, -policy.months);
      while (addMonths(day, policy.months) <= asOf) day = addDays(day, 1);
      return day;
    }
  }
}

/** Earning days from `from` (included) to `to` (excluded). */
export interface ExpiryNoticeWindow {
  from: string;
  to: string;
}

/**
 * The earning days whose points are still good on `today` but lapse within `withinDays` days
 * (积分到期提醒), or null when points never lapse. `pointsExpireOn` of a day in the window, less
 * one, is the last day its points count: the day a notice names.
 */
export function expiryNoticeWindow(today: string, withinDays: number, policy: PointsExpiryPolicy): ExpiryNoticeWindow | null {
  const from = firstUnexpiredEarningDay(today, policy);
  const to = firstUnexpiredEarningDay(addDays(today, withinDays), policy);
  return from === null || to === null ? null : { from, to };
}
