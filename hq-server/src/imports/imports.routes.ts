import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, ExportQuery, ImportKind, ImportQuery, ImportResult, importColumns, XLSX_CONTENT_TYPE, type UserRole } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bodyLimits } from '../http/body-limit';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { officePrincipal, requireRole } from '../http/require-role';
import { exportFile } from './export.service';
import { importFile } from './import.service';

/** Who may import and export each kind: HQ, and for clerks also a franchisee (their own stores' clerks only). */
const rolesFor = (kind: ImportKind): UserRole[] => (kind === 'clerks' ? ['hq_admin', 'franchisee'] : ['hq_admin']);

const columnsText = (kind: ImportKind) =>
  importColumns[kind].map((c) => `\`${c.key}\` (${c.zh})${c.required ? ' required' : ''}${c.cost ? ' cost viewers only' : ''}`).join(', ');

const importRoute = (kind: ImportKind) => createRoute({
  method: 'post', path: `/imports/${kind}`, tags: ['imports'], security: bearer,
  middleware: [authenticate('office'), requireRole(...rolesFor(kind)), requireModule('imports', 'edit')] as const,
  summary: `Import ${kind} from CSV or .xlsx, all or nothing (${rolesFor(kind).join(', ')})`,
  description: `The body is the file itself: \`text/csv\` (UTF-8 with or without BOM, or GBK) or .xlsx (its first sheet), at most ${bodyLimits.imports / 1024 / 1024} MB. Columns, by English key or Chinese header, in any order: ${columnsText(kind)}. Every row is checked first; if any is wrong the answer is 422 \`IMPORT_INVALID\` with the report in \`details\` (each problem by row, column and code) and nothing is written. \`dryRun=true\` checks and answers without writing.`,
  request: {
    query: ImportQuery,
    body: { content: { 'text/csv': { schema: z.string() }, [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: { 200: jsonResponse(ImportResult, 'Every row imported (or, in a dry run, would be)'), ...commonErrors, 422: jsonResponse(ErrorBody, 'Some rows are wrong; the report is in details') },
});

const exportRoute = (kind: ImportKind) => createRoute({
  method: 'get', path: `/exports/${kind}`, tags: ['imports'], security: bearer,
  middleware: [authenticate('office'), requireRole(...rolesFor(kind)), requireModule('imports', 'view')] as const,
  summary: `Export ${kind} as CSV or .xlsx, or its template (${rolesFor(kind).join(', ')})`,
  description: 'Streamed; the header row in `lang` (default en). The file imports back unchanged. `template=true` gives the header row alone.',
  request: { query: ExportQuery },
  responses: {
    200: { description: 'The file', content: { 'text/csv': { schema: z.string() }, [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...commonErrors,
  },
});

export const importsRoutes = new OpenAPIHono<AppEnv>();
for (const kind of ImportKind.options) {
  importsRoutes.openapi(importRoute(kind), async (c) => {
    const { dryRun, fileName } = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = await importFile(c.var.deps, officePrincipal(c.var.principal), kind, bytes, { dryRun: dryRun === 'true', fileName: fileName ?? `${kind}.csv` });
    return c.json(result, 200);
  });
  importsRoutes.openapi(exportRoute(kind), async (c) => {
    const query = c.req.valid('query');
    const file = await exportFile(c.var.deps, officePrincipal(c.var.principal), { kind, format: query.format ?? 'csv', lang: query.lang ?? 'en', template: query.template === 'true' });
    return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` });
  });
}
