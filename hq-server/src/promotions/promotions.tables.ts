import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
