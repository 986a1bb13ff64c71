import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CardSwipe } from '@pos/shared/bridge/index';
import type { BridgeClient, BridgeSnapshot } from './bridge-client';

/** The bridge's state and devices, re-rendering when either changes. */
export function useBridgeSnapshot(client: BridgeClient): BridgeSnapshot {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

/**
 * Calls `onScan` for each bar code the bridge's scanners read. A keyboard-wedge scanner the
 * bridge does not own types into the sell screen's scan field instead, which handles it alone.
 */
export function useBridgeScans(client: BridgeClient, onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => client.onEvent((event) => event.kind === 'scan' && latest.current(event.data)), [client]);
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
