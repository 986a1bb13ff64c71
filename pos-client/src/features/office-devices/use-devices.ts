import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DeviceList, DeviceSummary, PairingCode } from '@pos/shared';
import { useState } from 'react';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

const devicesKey = ['devices'] as const;

/** The tills of the stores in scope, and revoking one that was lost or stolen. */
export function useDevices() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: devicesKey, queryFn: async () => (await unwrap(http({ method: 'GET', path: '/devices', schema: DeviceList }))).devices });
  const revoke = useMutation({
    mutationFn: (deviceId: string) => unwrap(http({ method: 'POST', path: `/devices/${encodeURIComponent(deviceId)}/revoke`, schema: DeviceSummary })),
    onSuccess: (device) => queryClient.setQueryData<DeviceSummary[]>(devicesKey, (devices) => devices?.map((d) => (d.id === device.id ? device : d))),
  });
  return { list, revoke };
}

export interface IssuedCode extends PairingCode {
  storeId: string;
  tillName: string;
}

type IssueRequest = { kind: 'create'; storeId: string; tillName: string } | { kind: 'rearm'; device: DeviceSummary };

/**
 * Creates a till device for a store in scope with its one-time pairing code, or a new code for a
 * revoked device (paired again as the same device, so the sales it queued still belong to it).
 * The codes issued on this screen are kept, newest first.
 */
export function usePairingCodes() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedCode[]>([]);
  const issue = useMutation({
    mutationFn: async (request: IssueRequest): Promise<IssuedCode> => {
      if (request.kind === 'create') {
        const body = { storeId: request.storeId, name: request.tillName.trim() };
        const code = await unwrap(http({ method: 'POST', path: '/devices/pairing-codes', schema: PairingCode, body }));
        return { ...code, storeId: request.storeId, tillName: body.name };
      }
      const { device } = request;
      const code = await unwrap(http({ method: 'POST', path: `/devices/${encodeURIComponent(device.id)}/pairing-code`, schema: PairingCode }));
      return { ...code, storeId: device.storeId, tillName: device.name };
    },
    onSuccess: (code) => {
      setIssued((list) => [code, ...list]);
      void queryClient.invalidateQueries({ queryKey: devicesKey });
    },
  });
  return { issued, latest: issued[0] ?? null, issue };
}
