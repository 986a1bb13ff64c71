import { useCallback, useEffect, useState } from 'react';
import { DeviceList, DeviceSummary } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';

/** The tills of the stores in scope, and revoking one that was lost or stolen. */
export function useDevices(http: OfficeHttp) {
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await http({ method: 'GET', path: '/devices', schema: DeviceList });
    if (result.ok) setDevices(result.value.devices);
    else setErrorCode(failureCode(result.failure));
  }, [http]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function revoke(deviceId: string) {
    setBusyId(deviceId);
    setErrorCode(null);
    const result = await http({ method: 'POST', path: `/devices/${deviceId}/revoke`, schema: DeviceSummary });
    setBusyId(null);
    if (!result.ok) return setErrorCode(failureCode(result.failure));
    setDevices((list) => list?.map((d) => (d.id === deviceId ? result.value : d)) ?? null);
  }

  return { devices, errorCode, busyId, reload, revoke };
}
