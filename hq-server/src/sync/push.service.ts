import { SyncDocument, type PushBody, type PushResponse, type PushResult, type Sale } from '@pos/shared';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { ingestSales } from '../sales/ingest-sales';

type Reason = NonNullable<PushResult['reason']>;

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return null;
}

/**
 * Takes a till's batch: each document is validated on its own and answered on its own
 * (`accepted`, `duplicate` or `rejected` with a reason), keyed by the id the till made.
 */
export async function pushDocuments(deps: Deps, device: DevicePrincipal, body: PushBody): Promise<PushResponse> {
  const results: PushResult[] = [];
  const pending: { index: number; sale: Sale }[] = [];
  const seen = new Set<string>();
  const reject = (index: number, id: string | null, reason: Reason) => results.push({ index, id, status: 'rejected', reason });

  body.documents.forEach((raw, index) => {
    const id = idOf(raw);
    const parsed = SyncDocument.safeParse(raw);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reject(index, id, { code: 'VALIDATION_FAILED', message: 'the document is malformed', details });
    }
    const doc = parsed.data;
    if (seen.has(doc.id)) return results.push({ index, id: doc.id, status: 'duplicate' });
    seen.add(doc.id);
    if (doc.storeId !== device.storeId || doc.deviceId !== device.deviceId) {
      return reject(index, doc.id, { code: 'FORBIDDEN', message: 'a till may only push documents of its own device and store' });
    }
    pending.push({ index, sale: doc });
  });

  const outcomes = await ingestSales(deps, device, pending.map((p) => p.sale));
  for (const { index, sale } of pending) {
    const outcome = outcomes.get(sale.id);
    if (!outcome) throw new Error(`ingest gave no outcome for ${sale.id}`);
    results.push(outcome.status === 'rejected' ? { index, id: sale.id, status: 'rejected', reason: outcome.reason } : { index, id: sale.id, status: outcome.status });
  }
  return { results: results.sort((a, b) => a.index - b.index) };
}
