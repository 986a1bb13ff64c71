import { completeTillShortcuts, type StoredTillShortcuts, type TillShortcuts } from '@pos/shared';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTillServices } from '../../app/services-context';
import { useLiveQuery } from '../../db/use-live-query';

const ShortcutsContext = createContext<TillShortcuts | null>(null);

/**
 * The chain's shortcuts as this till pulled them (kept in `meta`), completed for actions this
 * till knows and HQ's map does not; the defaults until a map arrives.
 */
export function TillShortcutsProvider({ children }: { children: ReactNode }) {
  const { db } = useTillServices();
  const stored = useLiveQuery(() => db.getMeta('tillShortcuts'), [db]);
  // Every pull rewrites `meta`: compare by content, so the screens re-render only when a key changed.
  const text = JSON.stringify(stored ?? {});
  const shortcuts = useMemo(() => completeTillShortcuts(JSON.parse(text) as StoredTillShortcuts), [text]);
  return <ShortcutsContext.Provider value={shortcuts}>{children}</ShortcutsContext.Provider>;
}

export function useTillShortcuts(): TillShortcuts {
  const shortcuts = useContext(ShortcutsContext);
  if (!shortcuts) throw new Error('useTillShortcuts outside TillShortcutsProvider');
  return shortcuts;
}
