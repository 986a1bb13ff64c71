import { useRef, useState } from 'react';
import { useTillServices } from '../../app/services-context';
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

  async function submit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signInClerk(services, { clerkCode, pin });
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
    setClerkCode: (value: string) => setClerkCode(digits(value)),
    pin,
    setPin: (value: string) => setPin(digits(value)),
    pinRef,
    busy,
    error,
    checkedOffline,
    submit,
  };
}
