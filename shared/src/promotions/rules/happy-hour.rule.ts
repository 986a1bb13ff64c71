import { z } from 'zod';
import { inMinuteWindow, toMinuteWindow } from '../clock-window';
import { defineRule } from '../define-rule';
import { offerDiscount } from '../line-offer';
import { ClockWindow, LineScope, Offer, UnitLimit } from '../rule-common.schemas';

/** 时段价格: an offer that holds only during the given hours of the store's day. */
export const happyHour = defineRule({
  kind: 'happy_hour',
  args: z.object({ scope: LineScope, offer: Offer, windows: z.array(ClockWindow).min(1), unitLimit: UnitLimit }),
  behave: ({ scope, offer, windows, unitLimit }) => {
    const minutes = windows.map(toMinuteWindow);
    return {
      stage: 'line',
      scope,
      unitLimit,
      isActive: ({ local }) => minutes.some((window) => inMinuteWindow(local.minuteOfDay, window)),
      discount: (view, units) => offerDiscount(offer, view, units),
    };
  },
});
