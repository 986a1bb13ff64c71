import { Workbox } from 'workbox-window';

type Listener = () => void;

const listeners = new Set<Listener>();
let waiting: Workbox | null = null;

/**
 * Registers the service worker that precaches the app shell, so the till opens with the
 * network off. A new version waits until the cashier chooses to reload: swapping code in
 * the middle of a sale would throw the basket away.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    waiting = workbox;
    listeners.forEach((listener) => listener());
  });
  workbox.addEventListener('controlling', () => window.location.reload());
  // A browser that refuses service workers (a policy, a private window) still runs the till, only not offline from a cold start.
  workbox.register().catch((error: unknown) => console.warn('service worker not registered', error));
}

export function subscribeToUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isUpdateWaiting(): boolean {
  return waiting !== null;
}

/** Lets the waiting version take over; the page reloads when it controls it. */
export function applyUpdate(): void {
  waiting?.messageSkipWaiting();
}
