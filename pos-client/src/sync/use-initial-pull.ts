import { useEffect, useState } from 'react';
import { useTillServices } from '../app/services-context';
import { failureCode } from '../hq/hq-failure';
import { backoffDelay } from './backoff';
import { pullChanges, type PullProgress } from './pull-changes';

/** The first full pull after pairing: page by page, with progress, retrying by itself while HQ is away. */
export function useInitialPull() {
  const services = useTillServices();
  const [progress, setProgress] = useState<PullProgress | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [restarts, setRestarts] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function attemptPull(failures: number): Promise<void> {
      setErrorCode(null);
      const result = await pullChanges(services, (next) => !cancelled && setProgress(next));
      if (cancelled || result.ok) return;
      setErrorCode(failureCode(result.failure));
      services.sync.noteConnection(result.failure.kind === 'unreachable' ? 'offline' : 'online');
      timer = setTimeout(() => void attemptPull(failures + 1), backoffDelay(failures, services.random()));
    }
    void attemptPull(0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [services, restarts]);

  return { progress, errorCode, retry: () => setRestarts((n) => n + 1) };
}
