import type { StoredTillShortcuts } from '@pos/shared';
import { index, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { changeSeq, instant } from '../db/columns';
import { chains } from '../org/org.tables';

/**
 * The chain's keyboard shortcuts on the till (每个功能项的快捷键), one row a chain once HQ sets
 * them; tills pull it. A table of its own rather than a column of `chain_settings`: each pulled
 * entity needs its own change sequence number, or a pull page could end between two changes of
 * one row and the next page skip the second.
 */
export const tillShortcuts = pgTable(
  'till_shortcuts',
  {
    chainId: uuid('chain_id').primaryKey().references(() => chains.id),
    /** `TillShortcuts`: an action's name to its key (`complete` → `F9`). */
    shortcuts: jsonb('shortcuts').$type<StoredTillShortcuts>().notNull(),
    updatedAt: instant('updated_at').notNull(),
    changeSeq: changeSeq(),
  },
  (t) => [index('till_shortcuts_sync').on(t.chainId, t.changeSeq)],
);
