import { useEffect, useState } from 'react';
import { useTillServices } from '../app/services-context';
import { failureCode } from '../hq/hq-failure';
import { backoffDelay } from './backoff';
import type { SnapshotProgress } from './load-snapshot';
import { loadCatalog } from './pull-changes';

/** The first load after pairing: a snapshot with its progress, retrying (and resuming) by itself while HQ is away. */
export function useInitialPull() {
  const services = useTillServices();
  const [progress, setProgress] = useState<SnapshotProgress | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [restarts, setRestarts] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function attemptPull(failures: number): Promise<void> {
      setErrorCode(null);
      const result = await loadCatalog(services, (next) => !cancelled && setProgress(next));
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
