import type { MemberCardStatus } from '@pos/shared';

/** What the office or a till does to a card. */
export type CardAction = 'activate' | 'report_lost' | 'replace' | 'cancel' | 'set_pin';

/**
 * Which statuses each action starts from (卡状态流转): an issued card is activated; an active or
 * issued one reported lost; an active or lost one replaced (补卡); any card not yet final
 * cancelled (注销); a PIN set on a card that can still be used.
 */
const allowedFrom: Record<CardAction, readonly MemberCardStatus[]> = {
  activate: ['issued'],
  report_lost: ['issued', 'active'],
  replace: ['active', 'lost'],
  cancel: ['issued', 'active', 'lost'],
  set_pin: ['issued', 'active'],
};

/** The status an action leaves the card in (for `set_pin`, the one it had). */
const resultOf: Record<Exclude<CardAction, 'set_pin'>, MemberCardStatus> = {
  activate: 'active', report_lost: 'lost', replace: 'replaced', cancel: 'cancelled',
};

const statusWords: Record<MemberCardStatus, string> = {
  issued: 'not yet activated', active: 'active', lost: 'reported lost', replaced: 'already replaced', cancelled: 'cancelled',
};

/** The card's status after `action`, or why the action is refused from `from`. */
export function cardTransition(from: MemberCardStatus, action: CardAction): { ok: true; to: MemberCardStatus } | { ok: false; reason: string } {
  if (!allowedFrom[action].includes(from)) return { ok: false, reason: `the card is ${statusWords[from]}: it cannot be ${actionWords[action]}` };
  return { ok: true, to: action === 'set_pin' ? from : resultOf[action] };
}

const actionWords: Record<CardAction, string> = {
  activate: 'activated', report_lost: 'reported lost', replace: 'replaced', cancel: 'cancelled', set_pin: 'given a PIN',
};
