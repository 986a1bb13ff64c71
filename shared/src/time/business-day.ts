import { storeLocalTime } from '../pricing/store-local-time';

/** The store-local calendar date (YYYY-MM-DD) of an instant, in the store's IANA time zone. */
export function businessDate(instant: Date | string, timeZone: string): string {
  return storeLocalTime(typeof instant === 'string' ? instant : instant.toISOString(), timeZone).date;
}
