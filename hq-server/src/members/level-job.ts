import { businessDate, type LevelJobResult, type MemberDetail } from '@pos/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import type { Clock } from '../ids';
import { newId } from '../ids';
import { chains } from '../org/org.tables';
import { memberLevels, members } from '../pricing/pricing.tables';
import { levelMove, renewedUntil } from './level-rules';
import { loadMemberDetail, memberRow } from './member-detail';
import { memberAccounts, memberRenewals } from './membership.tables';

/** Today in the chain's time zone, as YYYY-MM-DD. */
async function chainToday(db: Db, chainId: string, now: Date): Promise<string> {
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId));
  return businessDate(now, chain?.timeZone ?? 'UTC');
}

/**
 * Each member's spend over the last `days` days: the sales HQ holds for them, less what their
 * returns in those days took back (the lines' refunds less any claw-back, less an exchange's goods
 * going out), as the stores' daily totals count them.
 */
async function spendOver(db: Db, chainId: string, days: number, now: Date): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await query<{ member_id: string; spend: string }>(db, sql`select member_id, sum(amount) as spend from (
      select member_id, total_minor as amount from sales
        where chain_id = ${chainId} and member_id is not null and completed_at >= ${since}
      union all
      select s.member_id, r.out_minor - r.back_minor + r.clawback_minor from returns r
        join sales s on s.chain_id = r.chain_id and s.id = r.original_sale_id
        where r.chain_id = ${chainId} and s.member_id is not null and r.completed_at >= ${since}
    ) spent group by member_id`);
  return new Map(rows.map((r) => [r.member_id, Number(r.spend)]));
}

/**
 * The level job (会员升降级): moves every active member of the chain to the level the rules give
 * them today (`level-rules.ts`), paid members whose membership lapsed back to what the rules
 * give. What it sets depends on the data alone, so a second run, or two HQ processes running it
 * at once, changes nothing more.
 */
export async function runLevelJob(db: Db, chainId: string, clock: Clock): Promise<LevelJobResult> {
  const now = clock();
  const today = await chainToday(db, chainId, now);
  const levels = await db.select().from(memberLevels).where(eq(memberLevels.chainId, chainId));
  const periods = [...new Set(levels.filter((l) => l.ruleBasis === 'spend').map((l) => l.rulePeriodDays))];
  const spend = new Map(await Promise.all(periods.map(async (days) => [days, await spendOver(db, chainId, days, now)] as const)));
  const standing = await db.select({ id: members.id, levelId: members.levelId, paidUntil: members.paidUntil, points: memberAccounts.points }).from(members)
    .innerJoin(memberAccounts, and(eq(memberAccounts.chainId, members.chainId), eq(memberAccounts.id, members.accountId)))
    .where(and(eq(members.chainId, chainId), eq(members.active, true), isNull(members.mergedIntoMemberId)));
  const result: LevelJobResult = { upgraded: 0, downgraded: 0, expired: 0 };
  for (const m of standing) {
    const move = levelMove({ ...m, spendOverDays: (days) => spend.get(days)?.get(m.id) ?? 0 }, levels, today);
    if (!move) continue;
    const changed = await db.update(members).set({ levelId: move.levelId })
      .where(and(eq(members.chainId, chainId), eq(members.id, m.id), eq(members.levelId, m.levelId))).returning({ id: members.id });
    if (changed.length > 0) result[move.kind] += 1;
  }
  return result;
}

/**
 * Renews a paid membership (续费): the member's level must be one the chain sells; paid-until
 * moves on by the level's period, from its current end or from today once it lapsed. Each
 * renewal is kept in `member_renewals` and in the audit trail.
 */
export async function renewMembership({ db, clock }: Deps, principal: Principal, memberId: string): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  const today = await chainToday(db, chainId, now);
  await db.transaction(async (tx) => {
    await tx.select({ id: members.id }).from(members).where(and(eq(members.chainId, chainId), eq(members.id, memberId))).for('update');
    const member = await memberRow(tx, chainId, memberId);
    if (!member.active) throw new AppError('CONFLICT', `${member.name} is no longer an active member`);
    const [level] = await tx.select().from(memberLevels).where(and(eq(memberLevels.chainId, chainId), eq(memberLevels.id, member.levelId)));
    if (level?.paidPeriodMonths == null) throw new AppError('CONFLICT', `the level ${level?.code ?? member.levelId} is not a paid membership: there is nothing to renew`);
    const paidUntil = renewedUntil(member.paidUntil, today, level.paidPeriodMonths);
    await tx.update(members).set({ paidUntil }).where(and(eq(members.chainId, chainId), eq(members.id, memberId)));
    await tx.insert(memberRenewals).values({ chainId, id: newId(clock), memberId, levelId: level.id, paidUntilBefore: member.paidUntil, paidUntilAfter: paidUntil, actorId: principal.kind === 'office' ? principal.userId : principal.deviceId, at: now });
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: memberId, action: 'renew', before: { paidUntil: member.paidUntil }, after: { paidUntil, levelId: level.id } });
  });
  return loadMemberDetail(db, principal, memberId, now);
}
