import type { FoundMember, MemberContext } from '@pos/shared';

/** What the pricing engine needs of a member found at HQ: who, at which level, and the birthday for birthday offers. */
export function memberContextOf(member: FoundMember): MemberContext {
  return { id: member.id, levelId: member.level.id, birthday: member.birthday };
}
