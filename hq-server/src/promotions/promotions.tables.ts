import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { chainId, changeSeq, instant } from '../db/columns';
import { chains } from '../org/org.tables';

export const promotionStatus = pgEnum('promotion_status', ['draft', 'active', 'paused', 'archived']);

/**
 * A promotion: the engine's rule as validated JSON, with the columns the office lists and
 * filters by copied out of it. Tills pull every row and price with the active ones.
 */
export const promotions = pgTable(
  'promotions',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    status: promotionStatus('status').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    priority: integer('priority').notNull(),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    rule: jsonb('rule').notNull(),
    /** Counts saves; each save is kept in `promotion_revisions`. */
    revision: integer('revision').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('promotions_status').on(t.chainId, t.status),
    index('promotions_sync').on(t.chainId, t.changeSeq),
  ],
);

/**
 * Every saved state of every promotion, from the instant HQ saved it: a sale is priced again
 * with the promotions as they stood when it was made, however late it reaches HQ.
 */
export const promotionRevisions = pgTable(
  'promotion_revisions',
  {
    chainId: chainId(),
    promotionId: uuid('promotion_id').notNull(),
    revision: integer('revision').notNull(),
    status: promotionStatus('status').notNull(),
    rule: jsonb('rule').notNull(),
    inForceFrom: instant('in_force_from').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.promotionId, t.revision] }),
    foreignKey({ columns: [t.chainId, t.promotionId], foreignColumns: [promotions.chainId, promotions.id] }),
    index('promotion_revisions_time').on(t.chainId, t.inForceFrom),
  ],
);
