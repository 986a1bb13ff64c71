import { useRef, useState } from 'react';
import { useTillServices } from '../../app/services-context';
import { useBridgeScans } from '../../bridge/use-bridge';
import { clerkCodeFor } from './badge-code';
import { signInClerk } from './sign-in-clerk';

interface SignInError {
  code: string;
  retryAfterSeconds?: number;
}

export function useClerkSignIn() {
  const services = useTillServices();
  const [clerkCode, setClerkCode] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);
  const [checkedOffline, setCheckedOffline] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  /** A badge scanned (into the code field or on the bridge's scanner) names its clerk; the PIN is still asked for. */
  async function readBadge(text: string): Promise<string> {
    const storeId = (await services.db.getMeta('pairing'))?.store.id ?? '';
    const code = await clerkCodeFor(services.db, text, storeId);
    setClerkCode(code);
    return code;
  }
  useBridgeScans(services.bridge, (code) => {
    void readBadge(code).then(() => pinRef.current?.focus());
  });

  async function submit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signInClerk(services, { clerkCode: await readBadge(clerkCode), pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      services.sync.noteConnection(result.mode === 'online' ? 'online' : 'offline');
      return;
    }
    services.sync.noteConnection(result.reachedHq ? 'online' : 'offline');
    setCheckedOffline(!result.reachedHq);
    setError({ code: result.code, retryAfterSeconds: result.retryAfterSeconds });
    pinRef.current?.focus();
  }

  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);
  return {
    clerkCode,
    // A badge's code may hold letters; the clerk code itself is digits.
    setClerkCode: (value: string) => setClerkCode(value.replace(/[^\w-]/g, '').slice(0, 32)),
    readBadge: () => readBadge(clerkCode),
    pin,
    setPin: (value: string) => setPin(digits(value)),
    pinRef,
    busy,
    error,
    checkedOffline,
    submit,
  };
}
