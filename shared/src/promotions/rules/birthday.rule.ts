import { z } from 'zod';
import type { StoreLocalTime } from '../../pricing/store-local-time';
import { defineRule } from '../define-rule';
import { offerDiscount } from '../line-offer';
import { LineScope, Offer, UnitLimit } from '../rule-common.schemas';

const DAY_MS = 86_400_000;

function birthdayIn(year: number, monthDay: string): number {
  const [month = 1, day = 1] = monthDay.split('-').map(Number);
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return month === 2 && day === 29 && !leap ? Date.UTC(year, 1, 28) : Date.UTC(year, month - 1, day);
}

/** Whether the store-local date is in the member's birthday day, week (±3 days) or month. */
export function isBirthdayWindow(local: StoreLocalTime, birthday: string, window: 'day' | 'week' | 'month'): boolean {
  const monthDay = birthday.slice(-5);
  if (window === 'month') return local.date.slice(5, 7) === monthDay.slice(0, 2);
  const [year = 0, month = 1, day = 1] = local.date.split('-').map(Number);
  const today = Date.UTC(year, month - 1, day);
  const reach = window === 'day' ? 0 : 3;
  return [year - 1, year, year + 1].some((y) => Math.abs(birthdayIn(y, monthDay) - today) <= reach * DAY_MS);
}

/** 生日促销: an offer for a member around their birthday. */
export const birthday = defineRule({
  kind: 'birthday',
  args: z.object({ scope: LineScope, offer: Offer, window: z.enum(['day', 'week', 'month']), unitLimit: UnitLimit }),
  behave: ({ scope, offer, window, unitLimit }) => ({
    stage: 'line',
    scope,
    unitLimit,
    isActive: ({ local, member }) => member?.birthday != null && isBirthdayWindow(local, member.birthday, window),
    discount: (view, units) => offerDiscount(offer, view, units),
  }),
});
