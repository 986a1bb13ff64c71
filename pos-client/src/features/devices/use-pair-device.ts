import { useState } from 'react';
import { useTillServices } from '../../app/services-context';
import { pairDevice } from './pair-device';

export function usePairDevice(onPaired: () => void) {
  const services = useTillServices();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  async function submit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrorCode(null);
    const result = await pairDevice(services, code);
    setBusy(false);
    if (result.ok) {
      setCode('');
      onPaired();
    } else {
      setErrorCode(result.code);
    }
  }

  return { code, setCode: (value: string) => setCode(value.replace(/\D/g, '').slice(0, 8)), busy, errorCode, submit };
}
