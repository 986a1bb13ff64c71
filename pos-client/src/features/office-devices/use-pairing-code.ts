import { useEffect, useState } from 'react';
import { PairingCode, type DeviceSummary, type Store } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { fetchScopeStores } from '../office-core/scope-stores';

export interface IssuedCode extends PairingCode {
  storeId: string;
  tillName: string;
}

/** Creates a till device for a store in scope and its one-time pairing code, or a new code for an existing device. */
export function usePairingCode(http: OfficeHttp, onIssued: () => void) {
  const [stores, setStores] = useState<Store[] | null>(null);
  const [storesError, setStoresError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedCode[]>([]);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void fetchScopeStores(http).then((result) => {
      if (!current) return;
      if (result.ok) setStores(result.value);
      else setStoresError(failureCode(result.failure));
    });
    return () => {
      current = false;
    };
  }, [http]);

  async function issue(path: string, body: unknown, storeId: string, tillName: string) {
    setBusy(true);
    setErrorCode(null);
    const result = await http({ method: 'POST', path, schema: PairingCode, body });
    setBusy(false);
    if (!result.ok) {
      setErrorCode(failureCode(result.failure));
      return;
    }
    setIssued((list) => [{ ...result.value, storeId, tillName }, ...list]);
    onIssued();
  }

  const create = (storeId: string, tillName: string) => issue('/devices/pairing-codes', { storeId, name: tillName.trim() }, storeId, tillName.trim());
  /** Pairs a revoked till again as the same device, so the sales it queued still belong to it. */
  const rearm = (device: DeviceSummary) => issue(`/devices/${device.id}/pairing-code`, undefined, device.storeId, device.name);

  return { stores, storesError, issued, latest: issued[0] ?? null, busy, errorCode, create, rearm };
}
