import { useState } from 'react';
import type { PairedDevice } from '@pos/shared';
import { useTillServices } from '../../app/services-context';

/** Pairs this till with the hardware bridge on its PC, using the 6-digit code on the bridge's console. */
export function useBridgePairing(pairing: PairedDevice, onPaired: () => void) {
  const { bridge } = useTillServices();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  async function submit(): Promise<void> {
    if (busy || code.length !== 6) return;
    setBusy(true);
    setErrorCode(null);
    const outcome = await bridge.pair(code, `${pairing.device.code} ${pairing.device.name}`.slice(0, 60));
    setBusy(false);
    if (!outcome.ok) return setErrorCode(outcome.code);
    setCode('');
    onPaired();
  }

  return {
    code,
    setCode: (value: string) => setCode(value.replace(/\D/g, '').slice(0, 6)),
    busy,
    errorCode,
    submit,
    reset: () => {
      setCode('');
      setErrorCode(null);
    },
  };
}
