import { storeLocalTime } from '@pos/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant written on the store's wall clock with its offset, e.g. `2025-03-01T18:00:30+08:00`:
 * the same instant, but what the receipt shows is the time the customer saw.
 */
export function toStoreLocalIso(instant: string, timeZone: string): string {
  const local = storeLocalTime(instant, timeZone).dateTime;
  const wholeSeconds = Math.floor(Date.parse(instant) / 1000) * 1000;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
