import type { PushResult, SyncDocumentKind, SyncDocumentOf } from '@pos/shared';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { ingestReturns } from '../returns/ingest-returns';
import { ingestSales } from '../sales/ingest-sales';
import { ingestTillEvents } from '../till-events/ingest-till-events';
import { ingestCashMovements, ingestShiftCloses, ingestShiftOpens } from '../shifts/ingest-shifts';

type Reason = NonNullable<PushResult['reason']>;

/** What HQ made of one document: stored now, stored before, or refused with the reason. */
export type IngestOutcome = { status: 'accepted' | 'duplicate' } | { status: 'rejected'; reason: Reason };

/** What the push's first statement read that ingest may use: the change sequence's head, which says whether HQ's kept price data is current (null: not read). */
export interface PushContext {
  changeHead: number | null;
}

/** Takes a batch of one kind exactly once, answering each document by its id. */
export type Ingest<D> = (deps: Deps, device: DevicePrincipal, documents: D[], context: PushContext) => Promise<Map<string, IngestOutcome>>;

/**
 * How HQ takes each kind of document. A push's documents are taken kind by kind in this
 * order, so a kind that names another (a return names its sale) comes after it.
 */
export const documentIngesters: { readonly [K in SyncDocumentKind]: Ingest<SyncDocumentOf<K>> } = {
  shift_open: ingestShiftOpens,
  sale: ingestSales,
  till_event: ingestTillEvents,
  return: ingestReturns,
  cash_movement: ingestCashMovements,
  shift_close: ingestShiftCloses,
};

export const ingestOrder = Object.keys(documentIngesters) as SyncDocumentKind[];

/** Takes the documents of one kind with that kind's ingester. */
export function ingestKind<K extends SyncDocumentKind>(deps: Deps, device: DevicePrincipal, kind: K, documents: SyncDocumentOf<K>[], context: PushContext): Promise<Map<string, IngestOutcome>> {
  const ingest = documentIngesters[kind] as Ingest<SyncDocumentOf<K>>;
  return ingest(deps, device, documents, context);
}
