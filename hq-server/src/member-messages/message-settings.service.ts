import { AutomaticMessageKind, defaultMemberMessageSettings, type MemberMessageSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { memberMessageSettings } from './member-messages.tables';

/** The chain's message settings, or the defaults when it never set any. */
export async function loadMemberMessageSettings(db: Db, chainId: string): Promise<MemberMessageSettings> {
  const [row] = await db.select().from(memberMessageSettings).where(eq(memberMessageSettings.chainId, chainId));
  return memberMessageSettingsOf(row);
}

/** The settings a row of `member_message_settings` holds (read alone or joined into a wider read), the defaults for none. */
export function memberMessageSettingsOf(row: typeof memberMessageSettings.$inferSelect | null | undefined): MemberMessageSettings {
  if (!row) return defaultMemberMessageSettings;
  const { enabledKinds, signature, lowBalanceBelowMinor, careAfterMonths, pointsExpiryNoticeDays } = row;
  return { enabledKinds: AutomaticMessageKind.array().parse(enabledKinds), signature, lowBalanceBelowMinor, careAfterMonths, pointsExpiryNoticeDays };
}

export async function saveMemberMessageSettings({ db, clock }: Deps, principal: Principal, settings: MemberMessageSettings): Promise<MemberMessageSettings> {
  return db.transaction(async (tx) => {
    const before = await loadMemberMessageSettings(tx, principal.chainId);
    const values = { ...settings, updatedAt: clock() };
    await tx.insert(memberMessageSettings).values({ chainId: principal.chainId, ...values }).onConflictDoUpdate({ target: memberMessageSettings.chainId, set: values });
    await recordAudit(tx, principal, clock, { entity: 'member_message_settings', entityId: principal.chainId, action: 'update', before, after: settings });
    return settings;
  });
}
