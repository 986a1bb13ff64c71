import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MemberMessageSettings } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

const settingsKey = ['settings', 'member-messages'] as const;

/** Which messages the chain sends to members (HQ edits them). */
export function useMemberMessageSettings() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: () => unwrap(http({ method: 'GET', path: '/settings/member-messages', schema: MemberMessageSettings })),
  });
  const save = useMutation({
    mutationFn: (body: MemberMessageSettings) => unwrap(http({ method: 'PUT', path: '/settings/member-messages', schema: MemberMessageSettings, body })),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
  return { settings, save };
}
