/**
 * Runs `task` unless a task under the same lock is already running, in which case it
 * answers `null` at once: a second push never overlaps the first. Across tabs of the same
 * origin the Web Locks API holds the lock; within one tab a flag does.
 */
export function createExclusiveLock(name: string) {
  let busy = false;

  async function runHere<T>(task: () => Promise<T>): Promise<T | null> {
    if (busy) return null;
    busy = true;
    try {
      return await task();
    } finally {
      busy = false;
    }
  }

  return async function run<T>(task: () => Promise<T>): Promise<T | null> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return runHere(task);
    return runHere(async () => {
      let started = false;
      try {
        return await locks.request(name, { ifAvailable: true }, (lock) => {
          started = true;
          return lock ? task() : null;
        });
      } catch (error) {
        // The Web Locks API can fail on its own (a print dialog in a headless browser does
        // it); the in-tab flag still keeps this tab's tasks apart.
        if (started) throw error;
        return task();
      }
    });
  };
}
