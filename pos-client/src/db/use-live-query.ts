import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * The result of a Dexie query, re-run whenever a table it read changes (in this tab or
 * another). `undefined` until the first result arrives. `deps` work as for useEffect.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(() => next),
      error: (error: unknown) => setFailure({ error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  // A broken database is a bug or a broken browser profile: let the error boundary show it.
  if (failure) throw failure.error;
  return value;
}
