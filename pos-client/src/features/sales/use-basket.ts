import { useEffect, useRef, useState } from 'react';
import { uuidv7, type Minor } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useLiveQuery } from '../../db/use-live-query';
import type { MessageKey } from '../../i18n/messages-en';
import { categoryParentsOf, readScan, scannedItemOf } from './find-scanned-item';
import type { TillPricingPlace } from './price-till-basket';
import { repriceLines } from './reprice-lines';
import { badgeScanOf, loadDefaultClerk, saveDefaultClerk, sharesFor, type BadgeScan, type ClerkChoice } from './sales-clerks';
import type { OpenTicket } from './use-open-ticket';

export type SellNotice =
  | { tone: 'info'; names: { nameZh: string; nameEn: string }; priceMinor: Minor }
  | { tone: 'note'; message: MessageKey; params?: Record<string, string | number> }
  | { tone: 'error'; code: string; params?: Record<string, string | number> };

/**
 * Scanning into the open ticket's basket from the pulled catalog (each new line credited to the
 * till's sales clerk, whose badge can be scanned here too), and the line keys, in the order they were keyed.
 */
export function useBasket(open: OpenTicket, place: TillPricingPlace) {
  const { db, now, randomBytes } = useTillServices();
  const [notice, setNotice] = useState<SellNotice | null>(null);
  const queue = useRef<Promise<void> | null>(null);
  queue.current ??= open.restored;
  // The category tree and the till's clerk, kept in memory as they change: a scan reads neither. The clerk sits in the
  // till's meta, which sync writes all day, and a read of it would wait on those writes.
  const categories = useLiveQuery(() => categoryParentsOf(db), [db]);
  const storedClerk = useLiveQuery(() => loadDefaultClerk(db, place.storeId), [db, place.storeId]);
  const defaultClerk = useRef<ClerkChoice | null | undefined>(undefined);
  useEffect(() => {
    if (storedClerk !== undefined) defaultClerk.current = storedClerk;
  }, [storedClerk]);

  /**
   * A scanner sends codes faster than look-ups finish, and a cashier presses + right after a
   * scan: queued (behind the restoring of the ticket), every action lands in the order it was keyed.
   */
  function inOrder(action: () => Promise<void> | void): Promise<void> {
    const next = queue.current!.then(action);
    queue.current = next.catch(() => undefined);
    return next;
  }

  /** Makes a clerk (or nobody) the one new lines are credited to: in the till's meta, and for the very next scan. */
  async function chooseClerk(clerk: ClerkChoice | null): Promise<void> {
    await saveDefaultClerk(db, clerk?.id ?? null);
    defaultClerk.current = clerk;
  }

  /** A clerk's badge scanned at the till makes them the clerk new lines are credited to (营业员). */
  async function badgeScanned(code: string, badge: Exclude<BadgeScan, { found: 'none' }>): Promise<void> {
    if (badge.found === 'elsewhere') return setNotice({ tone: 'error', code: 'CLERK_NOT_HERE', params: { code } });
    await chooseClerk(badge.clerk);
    setNotice({ tone: 'note', message: 'clerk.defaultSet', params: { code: badge.clerk.code, name: badge.clerk.name } });
  }

  async function scanNow(input: string): Promise<void> {
    const at = now();
    const code = input.trim();
    // A clerk's badge and an item are read together, since a code is far more often an item than a badge.
    const { badged, rows } = await readScan(db, code, place.storeId, categories);
    const badge = badgeScanOf(badged, place.storeId);
    if (badge.found !== 'none') return badgeScanned(code, badge);
    const found = rows ? scannedItemOf(rows, code, place, at, open.current().member?.level.id ?? null) : { ok: false as const, code: 'BARCODE_INVALID' as const };
    if (!found.ok) {
      setNotice({ tone: 'error', code: found.code, params: { code } });
      return;
    }
    const clerk = defaultClerk.current === undefined ? await loadDefaultClerk(db, place.storeId) : defaultClerk.current;
    const item = { ...found.item, clerkShares: sharesFor(clerk) };
    open.dispatch({ type: 'item_scanned', item, lineId: uuidv7(at.getTime(), randomBytes(10)), at: at.toISOString() });
    setNotice({ tone: 'info', names: found.item, priceMinor: found.item.unitPriceMinor });
  }

  async function repriceNow(memberLevelId: string | null): Promise<void> {
    const lines = await repriceLines(db, open.current().basket.lines, place, now().toISOString(), memberLevelId);
    open.dispatch({ type: 'lines_repriced', lines });
  }

  const later = (action: Parameters<OpenTicket['dispatch']>[0]) => void inOrder(() => open.dispatch(action));

  return {
    notice,
    setNotice,
    /** The till's clerk new lines are credited to; null until read, or when there is none. */
    defaultClerk: storedClerk ?? null,
    chooseClerk,
    scan: (input: string) => inOrder(() => scanNow(input)),
    adjustSelected: (delta: number) => later({ type: 'quantity_changed', delta }),
    moveSelection: (step: number) => later({ type: 'selection_moved', step }),
    select: (lineId: string) => later({ type: 'line_selected', lineId }),
    /** Prices every line again for a member's level, or for a walk-in customer (null). */
    priceFor: (memberLevelId: string | null) => inOrder(() => repriceNow(memberLevelId)),
    /** Runs after every action keyed before it, e.g. completing the sale after the last scan. */
    inOrder,
  };
}
