import { storeLocalTime } from '@pos/shared';

const wallClockMs = (instantMs: number, timeZone: string) => Date.parse(`${storeLocalTime(new Date(instantMs).toISOString(), timeZone).dateTime}Z`);

/** The instant a store's wall clock shows `localDateTime` (YYYY-MM-DDTHH:mm:ss) in its time zone. */
export function instantOfLocal(localDateTime: string, timeZone: string): Date {
  const target = Date.parse(`${localDateTime}Z`);
  // Two corrections settle the offset, also across a daylight-saving change.
  let guess = target - (wallClockMs(target, timeZone) - target);
  guess -= wallClockMs(guess, timeZone) - target;
  return new Date(guess);
}
