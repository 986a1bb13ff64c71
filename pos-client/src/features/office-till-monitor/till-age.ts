export type AgeUnit = 'minutes' | 'hours' | 'days';

/** How long ago `iso` was at `now`, in whole minutes below two hours, whole hours below two days, else days; never negative. */
export function ageOf(iso: string, now: string): { unit: AgeUnit; value: number } {
  const minutes = Math.max(0, Math.floor((Date.parse(now) - Date.parse(iso)) / 60_000));
  if (minutes < 120) return { unit: 'minutes', value: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', value: hours };
  return { unit: 'days', value: Math.floor(hours / 24) };
}
