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

/**
 * Runs tasks under the same name one after another, across tabs (Web Locks) and within one: a
 * second waits for the first rather than being skipped.
 */
export function createQueuedLock(name: string) {
  let tail: Promise<unknown> = Promise.resolve();

  function queueHere<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  return function run<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return queueHere(task);
    return queueHere(async () => {
      let started = false;
      try {
        return await locks.request(name, () => {
          started = true;
          return task();
        });
      } catch (error) {
        // As above: the in-tab queue still keeps this tab's tasks apart when Web Locks fail.
        if (started) throw error;
        return task();
      }
    });
  };
}
