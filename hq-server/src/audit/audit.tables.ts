import { index, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant } from '../db/columns';
import { chains } from '../org/org.tables';

export const auditActorKind = pgEnum('audit_actor_kind', ['user', 'clerk', 'device', 'system']);

/**
 * The audit trail (操作日志) of every master-data and permission change: who, when, what, and the
 * entity before and after. Written in the transaction of the change; never updated or deleted.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    at: instant('at').notNull(),
    actorKind: auditActorKind('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    /** What was changed, as a capability's noun: `product`, `store`, `role`, `clerk`… */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** `create`, `update`, `deactivate`, `reactivate`, `delete`, `reset_pin`, `import`… */
    action: text('action').notNull(),
    /** The store the change is about, when it is about one: a franchisee or store manager reads the entries of their stores. */
    storeId: uuid('store_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('audit_entries_at').on(t.chainId, t.at),
    index('audit_entries_entity').on(t.chainId, t.entity, t.entityId, t.at),
    index('audit_entries_store').on(t.chainId, t.storeId, t.at),
  ],
);
