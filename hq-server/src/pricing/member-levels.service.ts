import type { CreateMemberLevelBody, MemberLevel, MemberLevelSettings, UpdateMemberLevelBody } from '@pos/shared';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { memberLevels } from './pricing.tables';

const columns = { id: memberLevels.id, code: memberLevels.code, nameZh: memberLevels.nameZh, nameEn: memberLevels.nameEn, active: memberLevels.active };

const settingsColumns = {
  ...columns, rank: memberLevels.rank, ruleBasis: memberLevels.ruleBasis, ruleThreshold: memberLevels.ruleThreshold, rulePeriodDays: memberLevels.rulePeriodDays,
  isDefault: memberLevels.isDefault, paidPeriodMonths: memberLevels.paidPeriodMonths,
};

/** The chain's levels with their rank and rules, by code. */
export async function listMemberLevels(db: Db, chainId: string): Promise<MemberLevelSettings[]> {
  return db.select(settingsColumns).from(memberLevels).where(eq(memberLevels.chainId, chainId)).orderBy(memberLevels.code);
}

/**
 * Changes a level's names, rank and rules (会员等级与升降级规则), audited. Making it the default
 * takes that from the level that had it, in the same transaction; the default level cannot be
 * un-defaulted by itself (another level is made the default instead), so the chain always has one.
 */
export async function updateMemberLevel({ db, clock }: Deps, principal: Principal, id: string, body: UpdateMemberLevelBody): Promise<MemberLevelSettings> {
  const { chainId } = principal;
  const thisOne = and(eq(memberLevels.chainId, chainId), eq(memberLevels.id, id));
  return db.transaction(async (tx) => {
    const [before] = await tx.select(settingsColumns).from(memberLevels).where(thisOne).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'no member level of the chain has this id');
    if (before.isDefault && !body.isDefault) {
      throw new AppError('CONFLICT', 'the default level stays the default until another level is made the default', [{ path: 'isDefault', message: 'make another level the default instead' }]);
    }
    if (body.isDefault && !before.isDefault) {
      await tx.update(memberLevels).set({ isDefault: false }).where(and(eq(memberLevels.chainId, chainId), eq(memberLevels.isDefault, true), ne(memberLevels.id, id)));
    }
    const [after] = await tx.update(memberLevels).set(body).where(thisOne).returning(settingsColumns);
    await recordAudit(tx, principal, clock, { entity: 'member_level', entityId: id, action: 'update', before, after });
    return after!;
  });
}

export async function createMemberLevel({ db, clock }: Deps, principal: Principal, body: CreateMemberLevelBody): Promise<MemberLevel> {
  const { chainId } = principal;
  const taken = await db.$count(memberLevels, and(eq(memberLevels.chainId, chainId), eq(memberLevels.code, body.code)));
  if (taken > 0) throw new AppError('CONFLICT', `member level ${body.code} exists`, [{ path: 'code', message: 'already used' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(memberLevels).values({ chainId, id: newId(clock), ...body }).returning(columns);
    await recordAudit(tx, principal, clock, { entity: 'member_level', entityId: row!.id, action: 'create', before: null, after: row });
    return row!;
  });
}
