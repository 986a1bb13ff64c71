import { clockMinutes } from '../pricing/store-local-time';
import type { ClockWindow } from './rule-common.schemas';

/** A daily window in minutes since midnight; `to` before `from` runs past midnight. */
export interface MinuteWindow {
  readonly from: number;
  readonly to: number;
}

export function toMinuteWindow(window: ClockWindow): MinuteWindow {
  return { from: clockMinutes(window.from), to: clockMinutes(window.to) };
}

export function inMinuteWindow(minuteOfDay: number, { from, to }: MinuteWindow): boolean {
  return from <= to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}
