import { defaultMembershipSettings, type MembershipSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { membershipSettings } from '../members/membership.tables';

/** The columns of `MembershipSettings`, for a read of them alone or joined into a wider one. */
export const membershipSettingsColumns = {
  bonusSpentFirst: membershipSettings.bonusSpentFirst, pinMaxTries: membershipSettings.pinMaxTries, pinLockMinutes: membershipSettings.pinLockMinutes,
  adjustmentApprovalAboveMinor: membershipSettings.adjustmentApprovalAboveMinor, offlineCardAllowanceMinor: membershipSettings.offlineCardAllowanceMinor,
  offlineTillAllowanceMinor: membershipSettings.offlineTillAllowanceMinor, cancelForfeitsBalance: membershipSettings.cancelForfeitsBalance,
};

/** The chain's membership settings, or the defaults when HQ never saved any. */
export async function loadMembershipSettings(db: Db, chainId: string): Promise<MembershipSettings> {
  const [row] = await db.select(membershipSettingsColumns).from(membershipSettings).where(eq(membershipSettings.chainId, chainId));
  return membershipSettingsOf(row);
}

export const membershipSettingsOf = (row: { [K in keyof typeof membershipSettingsColumns]: unknown } | null | undefined): MembershipSettings =>
  (row as MembershipSettings | null | undefined) ?? defaultMembershipSettings;

export async function saveMembershipSettings({ db, clock }: Deps, principal: Principal, settings: MembershipSettings): Promise<MembershipSettings> {
  return db.transaction(async (tx) => {
    const before = await loadMembershipSettings(tx, principal.chainId);
    await tx.insert(membershipSettings)
      .values({ chainId: principal.chainId, ...settings, updatedAt: clock() })
      .onConflictDoUpdate({ target: membershipSettings.chainId, set: { ...settings, updatedAt: clock() } });
    await recordAudit(tx, principal, clock, { entity: 'membership_settings', entityId: principal.chainId, action: 'update', before, after: settings });
    return settings;
  });
}
