import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { BRIDGE_DEFAULT_PORT, type BridgeEvent, type CardSwipe, type JobStatus } from '@pos/shared/bridge/index';
import { layoutDocument, type ReceiptDocument, type ReceiptModel } from '@pos/shared/receipt/index';
import { BridgeClient, type BridgeOutcome } from './bridge-client';
import { printReceiptInBrowser } from './browser-print';
import { listenForWedgeScans } from './wedge-scan-listener';

let shared: BridgeClient | null = null;

/** One client per page, started on first use. */
export function getBridgeClient(url = `ws://127.0.0.1:${BRIDGE_DEFAULT_PORT}`): BridgeClient {
  if (!shared) {
    shared = new BridgeClient({ url, storage: localStorage });
    shared.start();
  }
  return shared;
}

export type PrintOutcome = BridgeOutcome<JobStatus> | { ok: true; result: 'browser' };

/** Device status, printing and the drawer for the till; falls back to the browser with no bridge. */
export function useBridge(client: BridgeClient = getBridgeClient()) {
  const { state, devices } = useSyncExternalStore(client.subscribe, client.getSnapshot);

  const print = useCallback(
    async (what: { document: ReceiptDocument } | { receipt: ReceiptModel }, options: { openDrawer?: boolean; jobId?: string } = {}): Promise<PrintOutcome> => {
      const jobId = options.jobId ?? crypto.randomUUID();
      if (client.state === 'ready') {
        const outcome = 'document' in what
          ? await client.request({ type: 'print.document', jobId, document: what.document, openDrawer: options.openDrawer })
          : await client.request({ type: 'print.receipt', jobId, receipt: what.receipt, openDrawer: options.openDrawer });
        if (outcome.ok || outcome.code !== 'BRIDGE_OFFLINE') return outcome;
      }
      printReceiptInBrowser('document' in what ? layoutDocument(what.document) : what.receipt);
      return { ok: true, result: 'browser' };
    },
    [client],
  );

  const openDrawer = useCallback((saleId: string | null) => client.request({ type: 'drawer.open', saleId }), [client]);
  const pair = useCallback((code: string, tillName: string) => client.pair(code, tillName), [client]);

  return useMemo(() => ({ state, devices, print, openDrawer, pair, client }), [state, devices, print, openDrawer, pair, client]);
}

/** Calls `onScan` for each bar code: from the bridge when it is up, from wedge keystrokes when not. */
export function useScans(onScan: (code: string) => void, client: BridgeClient = getBridgeClient()): void {
  const { state } = useSyncExternalStore(client.subscribe, client.getSnapshot);
  useEffect(() => client.onEvent((event: BridgeEvent) => event.kind === 'scan' && onScan(event.data)), [client, onScan]);
  useEffect(() => (state === 'ready' ? undefined : listenForWedgeScans(window, onScan)), [state, onScan]);
}

export function useCardSwipes(onSwipe: (card: CardSwipe | null) => void, client: BridgeClient = getBridgeClient()): void {
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.kind === 'card.swiped') onSwipe(event.card);
        if (event.kind === 'card.misread') onSwipe(null);
      }),
    [client, onSwipe],
  );
}
