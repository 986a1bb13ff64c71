import { completeTillShortcuts, defaultTillShortcuts, type TillShortcuts } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { tillShortcuts } from './till-shortcuts.tables';

/** The chain's shortcuts, whole: the stored map completed for actions added since it was saved; the defaults until HQ sets any. */
export async function getTillShortcuts(db: Db, chainId: string): Promise<TillShortcuts> {
  const [row] = await db.select({ shortcuts: tillShortcuts.shortcuts }).from(tillShortcuts).where(eq(tillShortcuts.chainId, chainId));
  return row ? completeTillShortcuts(row.shortcuts) : { ...defaultTillShortcuts };
}

/** Replaces the chain's shortcuts (already checked whole by `TillShortcuts`); the row's change sequence moves, so tills pull them. */
export async function setTillShortcuts({ db, clock }: Deps, principal: Principal, shortcuts: TillShortcuts): Promise<TillShortcuts> {
  return db.transaction(async (tx) => {
    const before = await getTillShortcuts(tx, principal.chainId);
    const set = { shortcuts, updatedAt: clock() };
    await tx.insert(tillShortcuts).values({ chainId: principal.chainId, ...set }).onConflictDoUpdate({ target: tillShortcuts.chainId, set });
    await recordAudit(tx, principal, clock, { entity: 'till_shortcuts', entityId: principal.chainId, action: 'update', before, after: shortcuts });
    return shortcuts;
  });
}
