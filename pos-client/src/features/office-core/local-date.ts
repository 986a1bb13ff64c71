const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date of an instant in this browser's time zone, as YYYY-MM-DD. */
export function localDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** A YYYY-MM-DD date moved by whole days; calendar arithmetic in UTC so no daylight saving shift can skip a day. */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to && dates.length < 3660; date = addDays(date, 1)) dates.push(date);
  return dates;
}
