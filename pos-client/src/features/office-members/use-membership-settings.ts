import { useQuery } from '@tanstack/react-query';
import { MemberLevelSettings, MembershipSettings, type UpdateMemberLevelBody } from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { officeKeys } from '../office-core/office-queries';
import { useHqMutation } from '../office-core/use-hq-mutation';

const settingsKey = ['settings', 'membership'] as const;

/** The chain's membership settings (会员设置), the defaults until HQ saves its own, and saving them. */
export function useMembershipSettings(enabled = true) {
  const http = useOfficeHttp();
  const load = useQuery({ queryKey: settingsKey, queryFn: () => unwrap(http({ method: 'GET', path: '/settings/membership', schema: MembershipSettings })), enabled });
  const save = useHqMutation((body: MembershipSettings) => ({ method: 'PUT', path: '/settings/membership', schema: MembershipSettings, body }), [settingsKey]);
  return { load, save };
}

/** The chain's member levels with their rank and rules (会员等级与升降级规则), and changing one. */
export function useMemberLevelSettings() {
  const http = useOfficeHttp();
  const levels = useQuery({ queryKey: [...officeKeys.memberLevels, 'rules'], queryFn: () => unwrap(http({ method: 'GET', path: '/pricing/member-levels', schema: z.array(MemberLevelSettings) })) });
  const update = useHqMutation(({ id, body }: { id: string; body: UpdateMemberLevelBody }) =>
    ({ method: 'PUT', path: `/pricing/member-levels/${id}`, schema: MemberLevelSettings, body }), [officeKeys.memberLevels, ['members']]);
  return { levels, update };
}
