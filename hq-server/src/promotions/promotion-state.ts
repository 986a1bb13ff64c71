import type { Promotion, PromotionState } from '@pos/shared';

/** A rule's date bound as a comparable store-local date-time; a bare end date includes that whole day. */
function bound(text: string | null, end: boolean): string | null {
  if (text === null) return null;
  if (text.length === 10) return `${text}T${end ? '24:00:00' : '00:00:00'}`;
  return text.length === 16 ? `${text}:00` : text;
}

/** Where a promotion stands at a store-local date-time (YYYY-MM-DDTHH:mm:ss). */
export function promotionState({ status, rule }: Pick<Promotion, 'status' | 'rule'>, localNow: string): PromotionState {
  if (status !== 'active') return status;
  const from = bound(rule.validFrom, false);
  const to = bound(rule.validTo, true);
  if (from !== null && localNow < from) return 'scheduled';
  if (to !== null && localNow >= to) return 'ended';
  return 'running';
}
