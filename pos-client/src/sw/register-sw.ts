import { Workbox } from 'workbox-window';

/** `waiting`: a new version is downloaded and waits; `swapped`: it took over from another tab, and this page still runs the old code. */
export type UpdateState = 'none' | 'waiting' | 'swapped';

/** How often a till asks HQ for a new version, besides when it opens and when it regains the network. */
export const UPDATE_CHECK_EVERY_MS = 5 * 60_000;

type Listener = () => void;

const listeners = new Set<Listener>();
let state: UpdateState = 'none';
let workbox: Workbox | null = null;

function setState(next: UpdateState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

/**
 * Registers the service worker that precaches the app shell, so the till opens with the
 * network off, and looks for a new version every few minutes and whenever the network comes
 * back. A new version is downloaded in the background and waits: the till installs it when no
 * sale is in progress (`use-app-update.ts`), since swapping code in the middle of a sale could
 * lose what is on screen. The back office (`reloadOnSwap`) reloads as soon as another tab
 * installed one, as it always did.
 */
export function registerServiceWorker({ reloadOnSwap }: { reloadOnSwap: boolean }): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const registered = new Workbox('/sw.js', { scope: '/' });
  // The first worker takes a page it did not load (clientsClaim), so a till opened for the first time already sees updates; that is no swap.
  let controlled = navigator.serviceWorker.controller !== null;
  registered.addEventListener('waiting', () => setState('waiting'));
  registered.addEventListener('controlling', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloadOnSwap) window.location.reload();
    else setState('swapped');
  });
  // A browser that refuses service workers (a policy, a private window) still runs the till, only not offline from a cold start.
  registered
    .register()
    .then(() => {
      workbox = registered;
      setInterval(() => void checkForUpdate(), UPDATE_CHECK_EVERY_MS);
      window.addEventListener('online', () => void checkForUpdate());
    })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}

/** Asks HQ whether `sw.js` changed; a new version then downloads in the background. Offline, nothing happens. */
export async function checkForUpdate(): Promise<void> {
  await workbox?.update().catch(() => undefined);
}

export function subscribeToUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const updateState = (): UpdateState => state;

/** Lets the waiting version take over (the page reloads once it controls it), or reloads into the version that already has. */
export function installUpdate(): void {
  if (state === 'swapped') window.location.reload();
  else workbox?.messageSkipWaiting();
}
