import type { CreateMemberLevelBody, MemberLevel } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { memberLevels } from './pricing.tables';

const columns = { id: memberLevels.id, code: memberLevels.code, nameZh: memberLevels.nameZh, nameEn: memberLevels.nameEn, active: memberLevels.active };

export async function listMemberLevels(db: Db, chainId: string): Promise<MemberLevel[]> {
  return db.select(columns).from(memberLevels).where(eq(memberLevels.chainId, chainId)).orderBy(memberLevels.code);
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
