import { useQuery } from '@tanstack/react-query';
import {
  CancelCardResult, DuplicateList, MemberCard, MemberDetail, MemberList, MemberRecord,
  type CancelCardBody, type ChildLimits, type RefundTender, type UpdateMemberBody,
} from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';
import { useServerTable } from '../office-core/use-server-table';

/** The member list: one page of `GET /members`, searched by card, phone, name or pinyin at HQ. */
export const useMembersTable = () => useServerTable({ queryKey: ['members', 'list'], path: '/members', schema: MemberList });

const everyMemberQuery = [['members']] as const;

/** One member's page and every change the office makes to the member and their cards; each change refetches the members. */
export function useMember(id: string) {
  const http = useOfficeHttp();
  const detail = useQuery({ queryKey: ['members', 'detail', id], queryFn: () => unwrap(http({ method: 'GET', path: `/members/${id}`, schema: MemberDetail })) });
  const update = useHqMutation((body: UpdateMemberBody) => ({ method: 'PATCH', path: `/members/${id}`, schema: MemberDetail, body }), everyMemberQuery);
  const issue = useHqMutation(() => ({ method: 'POST', path: `/members/${id}/cards`, schema: MemberDetail, body: {} }), everyMemberQuery);
  const activate = useHqMutation((cardId: string) => ({ method: 'POST', path: `/members/cards/${cardId}/activate`, schema: MemberDetail }), everyMemberQuery);
  const reportLost = useHqMutation((cardNo: string) => ({ method: 'POST', path: '/members/cards/lost', schema: MemberCard, body: { cardNo } }), everyMemberQuery);
  const replace = useHqMutation((cardId: string) => ({ method: 'POST', path: `/members/cards/${cardId}/replace`, schema: MemberDetail, body: {} }), everyMemberQuery);
  const cancel = useHqMutation(({ cardId, refundTender }: { cardId: string; refundTender?: RefundTender }) => {
    const body: CancelCardBody = refundTender ? { refundTender } : {};
    return { method: 'POST', path: `/members/cards/${cardId}/cancel`, schema: CancelCardResult, body };
  }, everyMemberQuery);
  const setPin = useHqMutation(({ cardId, pin }: { cardId: string; pin: string | null }) => ({ method: 'POST', path: `/members/cards/${cardId}/pin`, schema: MemberCard, body: { pin } }), everyMemberQuery);
  const setLimits = useHqMutation(({ childId, limits }: { childId: string; limits: ChildLimits }) => ({ method: 'PUT', path: `/members/${childId}/limits`, schema: MemberDetail, body: limits }), everyMemberQuery);
  const detach = useHqMutation((childId: string) => ({ method: 'DELETE', path: `/members/${childId}/parent`, schema: MemberDetail }), everyMemberQuery);
  const renew = useHqMutation(() => ({ method: 'POST', path: `/members/${id}/renewal`, schema: MemberDetail }), everyMemberQuery);
  return { detail, update, issue, activate, reportLost, replace, cancel, setPin, setLimits, detach, renew };
}

/** Look-alike members (查重) and merging one into another (合并). */
export function useDuplicates() {
  const http = useOfficeHttp();
  const list = useQuery({ queryKey: ['members', 'duplicates'], queryFn: () => unwrap(http({ method: 'GET', path: '/members/duplicates', schema: DuplicateList })) });
  const merge = useHqMutation(({ duplicate, into }: { duplicate: MemberRecord; into: MemberRecord }) =>
    ({ method: 'POST', path: `/members/${duplicate.id}/merge`, schema: MemberDetail, body: { intoMemberId: into.id } }), everyMemberQuery);
  return { list, merge };
}
