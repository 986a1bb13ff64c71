import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SyncRejection, TillMonitor, TillSyncSettings } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

const monitorKey = ['till-monitor'] as const;
const settingsKey = ['settings', 'till-sync'] as const;

/** How often the till monitor asks HQ again while it is open. */
export const MONITOR_REFRESH_MS = 15_000;

/** Every till in scope as HQ sees it, asked again every few seconds; and the manager's two actions on a rejected document. */
export function useTillMonitor() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const monitor = useQuery({
    queryKey: monitorKey,
    queryFn: () => unwrap(http({ method: 'GET', path: '/till-monitor', schema: TillMonitor })),
    refetchInterval: MONITOR_REFRESH_MS,
    staleTime: 0,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: monitorKey });
  const resend = useMutation({
    mutationFn: (id: string) => unwrap(http({ method: 'POST', path: `/till-monitor/rejections/${encodeURIComponent(id)}/resend`, schema: SyncRejection })),
    onSuccess: refresh,
  });
  const accept = useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      unwrap(http({ method: 'POST', path: `/till-monitor/rejections/${encodeURIComponent(id)}/accept`, schema: SyncRejection, body: { note } })),
    onSuccess: refresh,
  });
  return { monitor, resend, accept };
}

/** The chain's till sync settings (HQ edits them). */
export function useTillSyncSettings(enabled: boolean) {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: () => unwrap(http({ method: 'GET', path: '/settings/till-sync', schema: TillSyncSettings })),
    enabled,
  });
  const save = useMutation({
    mutationFn: (body: TillSyncSettings) => unwrap(http({ method: 'PUT', path: '/settings/till-sync', schema: TillSyncSettings, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      void queryClient.invalidateQueries({ queryKey: monitorKey });
    },
  });
  return { settings, save };
}
