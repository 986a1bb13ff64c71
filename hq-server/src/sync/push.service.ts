import { saleTimeIssue, SyncDocument, type PushBody, type PushResponse, type PushResult } from '@pos/shared';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { ingestKind, ingestOrder, type PushContext } from './document-ingesters';

type Reason = NonNullable<PushResult['reason']>;

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return null;
}

/** The kind a pushed document names, for counting; `unknown` when it names none HQ takes. */
export function documentKindOf(raw: unknown): string {
  const kind = typeof raw === 'object' && raw !== null && 'kind' in raw ? raw.kind : null;
  return typeof kind === 'string' && (ingestOrder as string[]).includes(kind) ? kind : 'unknown';
}

/** A document again under an id seen earlier in the batch gets what the first one got, `duplicate` if it went in. */
function repeatOf(first: PushResult, index: number): PushResult {
  return first.status === 'rejected' ? { ...first, index } : { index, id: first.id, status: 'duplicate' };
}

/**
 * Takes a till's batch: each document is validated on its own and answered on its own
 * (`accepted`, `duplicate` or `rejected` with a reason), keyed by the id the till made.
 */
export async function pushDocuments(deps: Deps, device: DevicePrincipal, body: PushBody, context: PushContext): Promise<PushResponse> {
  const results: PushResult[] = [];
  const pending: { index: number; doc: SyncDocument }[] = [];
  const repeats: { index: number; firstIndex: number }[] = [];
  const seen = new Map<string, number>();
  const now = deps.clock();
  const reject = (index: number, id: string | null, reason: Reason) => results.push({ index, id, status: 'rejected', reason });

  body.documents.forEach((raw, index) => {
    const id = idOf(raw);
    const parsed = SyncDocument.safeParse(raw);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reject(index, id, { code: 'VALIDATION_FAILED', message: 'the document is malformed', details });
    }
    const doc = parsed.data;
    const firstIndex = seen.get(doc.id);
    if (firstIndex !== undefined) return repeats.push({ index, firstIndex });
    seen.set(doc.id, index);
    if (doc.storeId !== device.storeId || doc.deviceId !== device.deviceId) {
      return reject(index, doc.id, { code: 'FORBIDDEN', message: 'a till may only push documents of its own device and store' });
    }
    const timeIssue = saleTimeIssue(doc.completedAt, now);
    if (timeIssue) return reject(index, doc.id, { code: 'VALIDATION_FAILED', message: 'the document is dated outside what HQ takes', details: [{ path: 'completedAt', message: timeIssue }] });
    pending.push({ index, doc });
  });

  for (const kind of ingestOrder) {
    const ofKind = pending.filter((p) => p.doc.kind === kind);
    if (ofKind.length === 0) continue;
    const outcomes = await ingestKind(deps, device, kind, ofKind.map((p) => p.doc), context);
    for (const { index, doc } of ofKind) {
      const outcome = outcomes.get(doc.id);
      if (!outcome) throw new Error(`ingest gave no outcome for ${doc.id}`);
      results.push(outcome.status === 'rejected' ? { index, id: doc.id, status: 'rejected', reason: outcome.reason } : { index, id: doc.id, status: outcome.status });
    }
  }
  const byIndex = new Map(results.map((r) => [r.index, r]));
  for (const { index, firstIndex } of repeats) results.push(repeatOf(byIndex.get(firstIndex)!, index));
  return { results: results.sort((a, b) => a.index - b.index) };
}
