import { ImportReport, ImportResult, XLSX_CONTENT_TYPE, type ExportFormat, type ImportKind, type Locale } from '@pos/shared';
import { z } from 'zod';
import { HqError, unwrap } from '../office-core/hq-query';
import type { OfficeHttp } from '../office-core/office-http';
import { saveFile } from '../office-core/save-file';

/** What an upload came back with: every row good (and written, unless a dry run), or the report of the bad ones. */
export type UploadOutcome = { kind: 'result'; result: ImportResult } | { kind: 'report'; report: ImportReport };

const isXlsx = (file: File) => file.name.toLowerCase().endsWith('.xlsx');

/** Sends the file itself as the body; a 422 `IMPORT_INVALID` is an answer (the report), not a failure. */
export async function uploadImport(http: OfficeHttp, kind: ImportKind, file: File, dryRun: boolean): Promise<UploadOutcome> {
  const query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name.slice(-200) });
  try {
    const result = await unwrap(http({
      method: 'POST', path: `/imports/${kind}?${query}`, schema: ImportResult,
      text: { content: file, type: isXlsx(file) ? XLSX_CONTENT_TYPE : 'text/csv' },
    }));
    return { kind: 'result', result };
  } catch (error) {
    if (error instanceof HqError && error.failure.kind === 'http' && error.failure.code === 'IMPORT_INVALID') {
      const report = ImportReport.safeParse(error.failure.details);
      if (report.success) return { kind: 'report', report: report.data };
    }
    throw error;
  }
}

/** Downloads a kind's data, or its template, and hands it to the browser as a file. */
export async function downloadExport(http: OfficeHttp, kind: ImportKind, format: ExportFormat, locale: Locale, template: boolean): Promise<void> {
  const query = new URLSearchParams({ format, lang: locale, template: String(template) });
  const blob = await unwrap(http({ method: 'GET', path: `/exports/${kind}?${query}`, schema: z.instanceof(Blob), as: 'blob' }));
  saveFile(blob, `${kind}${template ? '-template' : ''}.${format}`);
}
