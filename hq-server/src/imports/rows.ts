import type { ImportColumn, ImportIssue } from '@pos/shared';
import type { z } from 'zod';
import type { Table } from './read-file';

/** Where each declared column sits in the file, by its English key or its Chinese header, in any order. */
export function mapHeader(columns: readonly ImportColumn[], header: readonly string[]): { at: Map<string, number>; issues: ImportIssue[] } {
  const byName = new Map<string, string>();
  for (const c of columns) {
    byName.set(c.key.toLowerCase(), c.key);
    byName.set(c.zh, c.key);
  }
  const at = new Map<string, number>();
  const issues: ImportIssue[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim().replace(/\s*\*$/, '');
    if (name === '') return;
    const key = byName.get(name.toLowerCase()) ?? byName.get(name);
    if (!key) issues.push({ row: 1, column: name, code: 'UNKNOWN_COLUMN', value: name, message: `unknown column ${name}` });
    else if (at.has(key)) issues.push({ row: 1, column: key, code: 'REPEATED_COLUMN', message: `column ${key} appears twice` });
    else at.set(key, index);
  });
  for (const c of columns) {
    if (c.required && !at.has(c.key)) issues.push({ row: 1, column: c.key, code: 'MISSING_COLUMN', message: `required column ${c.key} is missing` });
  }
  return { at, issues };
}

/** A row's cells by column key, trimmed; an empty cell is absent. */
export function cellsOf(at: ReadonlyMap<string, number>, cells: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, index] of at) {
    const value = (cells[index] ?? '').trim();
    if (value !== '') out[key] = value;
  }
  return out;
}

/** zod's issues with a row's cells as report issues: an absent required cell, or the form the cell should have. */
export function issuesOf(row: number, cells: Record<string, string | undefined>, error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => {
    const column = String(issue.path[0] ?? '');
    const value = cells[column];
    if (value === undefined) return { row, column, code: 'REQUIRED' as const, message: `${column} is required` };
    const [expected = 'valid', list] = issue.message.split(':');
    const allowed = expected === 'one_of' && list ? list.split('|') : undefined;
    return { row, column, code: 'INVALID' as const, value: value.slice(0, 100), expected: list && !allowed ? `${expected}:${list}` : expected, ...(allowed ? { allowed } : {}), message: `${column}: expected ${issue.message}` };
  });
}

export interface ParsedRow<T> {
  row: number;
  data: T;
}

/** Every data row through the kind's row schema: the good rows, and the issues of the bad ones. */
export function parseRows<T>(table: Table, at: ReadonlyMap<string, number>, schema: z.ZodType<T>): { rows: ParsedRow<T>[]; issues: ImportIssue[] } {
  const rows: ParsedRow<T>[] = [];
  const issues: ImportIssue[] = [];
  for (const { row, cells } of table.rows) {
    const values = cellsOf(at, cells);
    const parsed = schema.safeParse(values);
    if (parsed.success) rows.push({ row, data: parsed.data });
    else issues.push(...issuesOf(row, values, parsed.error));
  }
  return { rows, issues };
}

/** A value that must be unique in the file: every row after the first that holds it. */
export function duplicates<T>(rows: readonly ParsedRow<T>[], column: string, valuesOf: (data: T) => readonly (string | null | undefined)[]): ImportIssue[] {
  const first = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const { row, data } of rows) {
    for (const value of valuesOf(data)) {
      if (value === null || value === undefined) continue;
      const seen = first.get(value);
      if (seen === undefined) first.set(value, row);
      else if (seen !== row) issues.push({ row, column, code: 'DUPLICATE_IN_FILE', value, otherRow: seen, message: `${column} ${value} is also in row ${seen}` });
    }
  }
  return issues;
}

/** A code the row names that the chain does not have. */
export const unknownReference = (row: number, column: string, value: string): ImportIssue => ({
  row, column, code: 'UNKNOWN_REFERENCE', value, message: `no ${column} with code ${value}`,
});
