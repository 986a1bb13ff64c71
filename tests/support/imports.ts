import { ErrorBody, ImportReport, ImportResult, XLSX_CONTENT_TYPE, type ImportKind } from '@pos/shared';
import type { Fixture } from './fixture';

/** Sends a file to `POST /imports/{kind}` as the office does: the file itself as the body. */
export function postImport(f: Fixture, token: string, kind: ImportKind, body: string | Uint8Array, options: { dryRun?: boolean; xlsx?: boolean; fileName?: string } = {}) {
  const query = new URLSearchParams({ ...(options.dryRun ? { dryRun: 'true' } : {}), ...(options.fileName ? { fileName: options.fileName } : {}) });
  return f.app.request(`/imports/${kind}?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': options.xlsx ? XLSX_CONTENT_TYPE : 'text/csv' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

/** An import that must succeed: its result. */
export async function imported(res: Response): Promise<ImportResult> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${text.slice(0, 500)}`);
  return ImportResult.parse(JSON.parse(text));
}

/** An import that must be refused: its report. */
export async function refused(res: Response): Promise<ImportReport> {
  const text = await res.text();
  if (res.status !== 422) throw new Error(`import answered ${res.status}, not 422: ${text.slice(0, 500)}`);
  const body = ErrorBody.parse(JSON.parse(text));
  if (body.error.code !== 'IMPORT_INVALID') throw new Error(`unexpected code ${body.error.code}`);
  return ImportReport.parse(body.error.details);
}

/** `GET /exports/{kind}`: the file's bytes. */
export async function exported(f: Fixture, token: string, kind: ImportKind, query = 'format=csv'): Promise<Uint8Array> {
  const res = await f.app.request(`/exports/${kind}?${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  return new Uint8Array(await res.arrayBuffer());
}
