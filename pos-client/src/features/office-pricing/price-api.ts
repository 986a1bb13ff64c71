import { z } from 'zod';
import { MemberLevel, PriceEntry, PriceImportProblem, PriceImportResult, type SetPriceBody } from '@pos/shared';
import { failureCode, type HqResult } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';

export const setPrice = (http: OfficeHttp, body: SetPriceBody) => http({ method: 'POST', path: '/pricing/prices', schema: PriceEntry, body });

export const cancelScheduledPrice = (http: OfficeHttp, id: string) =>
  http({ method: 'DELETE', path: `/pricing/prices/${encodeURIComponent(id)}`, schema: PriceEntry });

export const listMemberLevels = (http: OfficeHttp) => http({ method: 'GET', path: '/pricing/member-levels', schema: z.array(MemberLevel) });

export type ImportOutcome = { kind: 'imported'; result: PriceImportResult } | { kind: 'refused'; problems: PriceImportProblem[] } | { kind: 'failed'; code: string };

/** Imports a CSV price list; HQ takes all rows or none, and lists each bad row's problem in the error details. */
export async function importPriceCsv(http: OfficeHttp, csv: string): Promise<ImportOutcome> {
  const result = await http({ method: 'POST', path: '/pricing/prices/import', schema: PriceImportResult, text: { content: csv, type: 'text/csv' } });
  if (result.ok) return { kind: 'imported', result: result.value };
  if (result.failure.kind === 'http') {
    const problems = z.array(PriceImportProblem).safeParse(result.failure.details);
    if (problems.success && problems.data.length > 0) return { kind: 'refused', problems: problems.data };
  }
  return { kind: 'failed', code: failureCode(result.failure) };
}
