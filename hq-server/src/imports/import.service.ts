import { createHash } from 'node:crypto';
import { MAX_LISTED_ISSUES, type ImportIssue, type ImportKind, type ImportReport, type ImportResult } from '@pos/shared';
import { recordAudit } from '../audit/record-audit';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { columnsFor } from './cost-visibility';
import { importKinds } from './import-kinds';
import type { BulkContext } from './kinds/kind';
import { readTable, UnreadableFile, type Table } from './read-file';
import { mapHeader, parseRows } from './rows';

export interface ImportOptions {
  dryRun: boolean;
  fileName: string;
}

async function tableOf(bytes: Uint8Array): Promise<Table | ImportIssue> {
  try {
    return await readTable(bytes);
  } catch (error) {
    if (error instanceof UnreadableFile) return { row: 0, column: '', code: 'UNREADABLE', message: 'the file is neither CSV nor .xlsx, or it is damaged' };
    throw error;
  }
}

/**
 * Imports a CSV or .xlsx file of one kind, all or nothing: every row is read, checked against
 * its columns, the other rows and the chain, and one bad row refuses the whole file with the
 * report (422 `IMPORT_INVALID`, each problem by row, column and code). A good file is written
 * in one transaction with bulk statements and one audit entry; a dry run stops before writing.
 */
export async function importFile(deps: Deps, principal: OfficePrincipal, kind: ImportKind, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const checksum = createHash('sha256').update(bytes).digest('hex');
  const base = { kind, dryRun: options.dryRun, fileName: options.fileName, checksum };
  const refuse = (issues: ImportIssue[], rows: number): never => {
    const sorted = issues.sort((a, b) => a.row - b.row);
    const badRows = new Set(sorted.map((i) => i.row)).size;
    const report: ImportReport = { ...base, rows, badRows, issueCount: sorted.length, issues: sorted.slice(0, MAX_LISTED_ISSUES) };
    throw new AppError('IMPORT_INVALID', `${badRows} rows of the file are not right; nothing was imported`, report);
  };
  const def = importKinds[kind];
  const table = await tableOf(bytes);
  if (!('header' in table)) return refuse([table], 0);
  const { at, issues: headerIssues } = mapHeader(await columnsFor(deps.db, kind, principal), table.header);
  if (table.rows.length === 0) headerIssues.push({ row: 2, column: '', code: 'NO_ROWS', message: 'the file has no data rows' });
  if (table.rows.length > def.maxRows) headerIssues.push({ row: 0, column: '', code: 'TOO_MANY_ROWS', value: String(def.maxRows), message: `at most ${def.maxRows} rows at once` });
  if (headerIssues.length) return refuse(headerIssues, table.rows.length);
  const ctx: BulkContext = { db: deps.db, principal, chainId: principal.chainId, clock: deps.clock, now: deps.clock() };
  const { rows, issues } = parseRows(table, at, def.schema);
  const checked = await def.check(ctx, rows);
  if (issues.length || checked.issues.length) return refuse([...issues, ...checked.issues], table.rows.length);
  if (options.dryRun) return { ...base, rows: rows.length, created: rows.length - checked.existing, updated: checked.existing, unchanged: 0, written: {} };
  const present = new Set(at.keys());
  const written = await deps.db.transaction(async (tx) => {
    const result = await def.write(tx, ctx, rows.map((r) => r.data), present);
    const after = { kind, fileName: options.fileName, checksum, rows: rows.length, created: result.created, updated: result.updated, written: result.written };
    await recordAudit(tx, principal, deps.clock, { entity: 'import', entityId: newId(deps.clock), action: 'import', before: null, after });
    return result;
  });
  return { ...base, rows: rows.length, created: written.created, updated: written.updated, unchanged: rows.length - written.created - written.updated, written: written.written };
}
