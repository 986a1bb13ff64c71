import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CardSwipe } from '@pos/shared/bridge/index';
import type { BridgeClient, BridgeSnapshot } from './bridge-client';

/** The bridge's state and devices, re-rendering when either changes. */
export function useBridgeSnapshot(client: BridgeClient): BridgeSnapshot {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

/** Dialogs that take every scan while they are open (a stock count): while any does, no one else hears the scanner. */
const claims = new Set<object>();

/**
 * Calls `onScan` for each bar code the bridge's scanners read, unless a dialog claimed the
 * scanner. A keyboard-wedge scanner the bridge does not own types into the focused field instead.
 */
export function useBridgeScans(client: BridgeClient, onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => client.onEvent((event) => event.kind === 'scan' && claims.size === 0 && latest.current(event.data)), [client]);
}

/** While `active`, every scan the bridge reads goes to `onScan` alone (the basket behind a count dialog hears none). */
export function useClaimedBridgeScans(client: BridgeClient, active: boolean, onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    if (!active) return undefined;
    const claim = {};
    claims.add(claim);
    const stop = client.onEvent((event) => event.kind === 'scan' && latest.current(event.data));
    return () => {
      claims.delete(claim);
      stop();
    };
  }, [client, active]);
}

export function useCardSwipes(client: BridgeClient, onSwipe: (card: CardSwipe | null) => void): void {
  const latest = useRef(onSwipe);
  latest.current = onSwipe;
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.kind === 'card.swiped') latest.current(event.card);
        if (event.kind === 'card.misread') latest.current(null);
      }),
    [client],
  );
}
