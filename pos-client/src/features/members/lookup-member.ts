import { MemberCode, type FoundMember } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';
import { isUnreachable, type HqFailure } from '../../hq/hq-failure';

/** Why no member came back; each has its words in the till's languages (`error.<code>`). */
export type MemberLookupFailure =
  | 'MEMBER_CODE_INVALID'
  | 'MEMBER_NOT_FOUND'
  | 'MEMBER_CARD_LOST'
  | 'MEMBER_PHONE_SHARED'
  | 'MEMBER_LOOKUP_OFFLINE'
  | 'DEVICE_REFUSED'
  | 'RATE_LIMITED'
  | 'HQ_INVALID_RESPONSE';

export type MemberLookupResult = { ok: true; member: FoundMember } | { ok: false; code: MemberLookupFailure; reachedHq: boolean };

/**
 * Asks HQ for the member a card or mobile number names. Members live at HQ only, so this
 * needs the network; it gives up after the client's short time-out and the sale goes on
 * without the member. A code that cannot be one is refused here, without asking.
 */
export async function lookupMember({ db, hq }: { db: TillDb; hq: HqClient }, input: string): Promise<MemberLookupResult> {
  const code = MemberCode.safeParse(input);
  if (!code.success) return { ok: false, code: 'MEMBER_CODE_INVALID', reachedHq: false };
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, code: 'DEVICE_REFUSED', reachedHq: false };
  const answer = await hq.lookupMember(pairing.deviceToken, code.data);
  if (answer.ok) return { ok: true, member: answer.value };
  return { ok: false, code: failureOf(answer.failure), reachedHq: !isUnreachable(answer.failure) };
}

const byStatus: Partial<Record<number, MemberLookupFailure>> = {
  400: 'MEMBER_CODE_INVALID',
  401: 'DEVICE_REFUSED',
  403: 'DEVICE_REFUSED',
  404: 'MEMBER_NOT_FOUND',
  409: 'MEMBER_PHONE_SHARED',
  423: 'MEMBER_CARD_LOST',
  429: 'RATE_LIMITED',
};

function failureOf(failure: HqFailure): MemberLookupFailure {
  if (isUnreachable(failure)) return 'MEMBER_LOOKUP_OFFLINE';
  return (failure.kind === 'http' && byStatus[failure.status]) || 'HQ_INVALID_RESPONSE';
}
