import type { ImportColumn, ImportIssue } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { OfficePrincipal } from '../../http/app-env';
import type { Clock } from '../../ids';
import type { ParsedRow } from '../rows';

/** Who imports or exports, into which chain, at which instant. */
export interface BulkContext {
  db: Db;
  principal: OfficePrincipal;
  chainId: string;
  clock: Clock;
  now: Date;
}

export interface Checked {
  issues: ImportIssue[];
  /** How many rows name a record that already exists (updated rather than created). */
  existing: number;
}

export interface Written {
  created: number;
  updated: number;
  /** Rows written to each table. */
  written: Record<string, number>;
}

/** One kind of import: its row shape, the checks across rows and against the chain, and the bulk write. */
export interface ImportKindDef<T> {
  schema: z.ZodType<T>;
  maxRows: number;
  check(ctx: BulkContext, rows: ParsedRow<T>[]): Promise<Checked>;
  /** Writes every row in the caller's transaction; `present` names the columns the file has (absent ones are left as they are). */
  write(tx: Db, ctx: BulkContext, rows: T[], present: ReadonlySet<string>): Promise<Written>;
}

/** One kind of export: its columns for the caller, and its rows page by page, cells in column order. */
export interface ExportKindDef {
  columns(ctx: BulkContext): readonly ImportColumn[];
  pages(ctx: BulkContext, columns: readonly ImportColumn[]): AsyncGenerator<string[][]>;
}

/** Rows a statement takes at once: several thousand, as one JSON parameter read with `json_to_recordset`. */
export const CHUNK = 5_000;

export function* chunksOf<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Rows as one JSON parameter, for `json_to_recordset(…) as r(col type, …)` on PostgreSQL and PGlite alike. */
export const jsonParam = (rows: readonly (object | string)[]): SQL => sql`${JSON.stringify(rows)}::json`;

/** Minor units as the major amount people write: 1290 → "12.90". */
export const formatMajor = (minor: number | string | null): string => {
  if (minor === null) return '';
  const n = Number(minor);
  return `${n < 0 ? '-' : ''}${Math.trunc(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;
};

export const yesNoText = (value: boolean): string => (value ? 'yes' : 'no');
