import { useEffect, useState } from 'react';
import { PairingCode, type Store } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { fetchScopeStores } from '../office-core/scope-stores';

export interface IssuedCode extends PairingCode {
  storeId: string;
  tillName: string;
}

/** Creates a till device for a store in scope and its one-time pairing code. */
export function usePairingCode(http: OfficeHttp) {
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

  async function create(storeId: string, tillName: string) {
    setBusy(true);
    setErrorCode(null);
    const result = await http({ method: 'POST', path: '/devices/pairing-codes', schema: PairingCode, body: { storeId, name: tillName.trim() } });
    setBusy(false);
    if (!result.ok) {
      setErrorCode(failureCode(result.failure));
      return;
    }
    setIssued((list) => [{ ...result.value, storeId, tillName: tillName.trim() }, ...list]);
  }

  return { stores, storesError, issued, latest: issued[0] ?? null, busy, errorCode, create };
}
