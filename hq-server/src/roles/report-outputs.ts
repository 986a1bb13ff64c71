import { businessDate, type ReportKey } from '@pos/shared';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId, type Clock } from '../ids';
import { chains } from '../org/org.tables';
import { officePermissionsOf } from './office-permissions';
import { reportOutputs } from './roles.tables';

export type ReportOutputFormat = 'print' | 'csv' | 'xlsx';

/** The advisory lock class that keeps one user's outputs of a report counted one at a time. */
const OUTPUT_LOCK = 7303;

/** The instant the chain's business day of `now` began, found by stepping back from `now` in whole minutes. */
function startOfLocalDay(now: Date, timeZone: string): Date {
  const today = businessDate(now, timeZone);
  let low = now.getTime() - 26 * 3_600_000;
  let high = now.getTime();
  while (high - low > 60_000) {
    const mid = Math.floor((low + high) / 2);
    if (businessDate(new Date(mid), timeZone) === today) high = mid;
    else low = mid;
  }
  return new Date(high - (high % 60_000));
}

/**
 * Records one print or export of a report by an office user, or refuses it: 403 when their role
 * does not allow that output of that report, 429 `OUTPUT_LIMIT_REACHED` when they have made as many
 * today (the chain's business day) as their role allows. Call it in the transaction that makes the
 * output; outputs of one user are counted one at a time, so a burst cannot pass the limit.
 * Answers how many more they may make today (null: no limit).
 */
export async function recordReportOutput(tx: Db, principal: Principal, clock: Clock, report: ReportKey, format: ReportOutputFormat): Promise<{ remaining: number | null }> {
  if (principal.kind !== 'office') throw new AppError('FORBIDDEN', 'only office users print or export reports');
  const rule = (await officePermissionsOf(tx, principal)).reports[report];
  const allowed = format === 'print' ? rule.print : rule.export;
  if (!allowed) throw new AppError('MODULE_FORBIDDEN', `your role does not let you ${format === 'print' ? 'print' : 'export'} this report`, { report, format });
  const now = clock();
  let remaining: number | null = null;
  if (rule.perDay !== null) {
    await tx.execute(sql`select pg_advisory_xact_lock(${OUTPUT_LOCK}, hashtext(${`${principal.chainId}:${principal.userId}:${report}`}))`);
    const [chain] = await tx.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, principal.chainId));
    const since = startOfLocalDay(now, chain!.timeZone);
    const [done] = await tx
      .select({ n: count() })
      .from(reportOutputs)
      .where(and(eq(reportOutputs.chainId, principal.chainId), eq(reportOutputs.userId, principal.userId), eq(reportOutputs.report, report), gte(reportOutputs.at, since)));
    const made = done?.n ?? 0;
    if (made >= rule.perDay) {
      throw new AppError('OUTPUT_LIMIT_REACHED', `your role allows ${rule.perDay} prints and exports of this report a day; try again tomorrow`, { report, perDay: rule.perDay });
    }
    remaining = rule.perDay - made - 1;
  }
  await tx.insert(reportOutputs).values({ chainId: principal.chainId, id: newId(clock), userId: principal.userId, report, format, at: now });
  return { remaining };
}
