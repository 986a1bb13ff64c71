import type { AuditAction, AuditEntity } from '@pos/shared';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { newId, type Clock } from '../ids';
import { auditEntries } from './audit.tables';

/** One master-data or permission change as the audit trail keeps it. */
export interface AuditChange {
  /** The capability's noun for what changed (`product`, `category`, `store`, `clerk`…): one the office names. */
  entity: AuditEntity;
  entityId: string;
  /** `create`, `update`, `deactivate`, `reactivate`, `delete`, `reset_pin`, `import`…: one the office names. */
  action: AuditAction;
  /** The entity as it was (null when created) and as it is (null when deleted), in its wire shape, never with secrets. */
  before: unknown;
  after: unknown;
  /** The store the change is about, when it is about one (a store price, a till, an assortment): its franchisee and manager read it. */
  storeId?: string | null;
}

const actorOf = (principal: Principal) =>
  principal.kind === 'office' ? { actorKind: 'user' as const, actorId: principal.userId } : { actorKind: 'device' as const, actorId: principal.deviceId };

/**
 * Writes the audit entries of a change, in the caller's transaction so the trail and the change
 * commit together. An update that changed nothing is not recorded.
 */
export async function recordAudit(tx: Db, principal: Principal, clock: Clock, ...changes: AuditChange[]): Promise<void> {
  const at = clock();
  const rows = changes
    .filter((c) => c.action !== 'update' || JSON.stringify(c.before) !== JSON.stringify(c.after))
    .map((c) => ({ chainId: principal.chainId, id: newId(clock), at, ...actorOf(principal), ...c, storeId: c.storeId ?? null, before: c.before ?? null, after: c.after ?? null }));
  if (rows.length) await tx.insert(auditEntries).values(rows);
}
