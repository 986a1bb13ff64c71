import { useRef, useState } from 'react';
import { uuidv7, type Minor } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import type { MessageKey } from '../../i18n/messages-en';
import { findScannedItem } from './find-scanned-item';
import type { TillPricingPlace } from './price-till-basket';
import { repriceLines } from './reprice-lines';
import { clerkOfBadge, loadDefaultClerk, saveDefaultClerk, sharesFor, type BadgeScan } from './sales-clerks';
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

  /**
   * A scanner sends codes faster than look-ups finish, and a cashier presses + right after a
   * scan: queued (behind the restoring of the ticket), every action lands in the order it was keyed.
   */
  function inOrder(action: () => Promise<void> | void): Promise<void> {
    const next = queue.current!.then(action);
    queue.current = next.catch(() => undefined);
    return next;
  }

  /**
   * What a scanned code names, read in one read-only transaction: a clerk's badge, else an item
   * (with the clerk the till credits new lines to). The reads go together, since a code is far
   * more often an item than a badge and every round trip to the database is time the customer waits.
   */
  function readScan(input: string, at: Date) {
    const tables = [db.clerks, db.meta, db.pricingSettings, db.barcodes, db.products, db.prices, db.storeAssortments, db.assortmentItems, db.categories];
    return db.transaction('r', tables, () => Promise.all([
      clerkOfBadge(db, input, place.storeId),
      findScannedItem(db, input, place, at, open.current().member?.level.id ?? null),
      loadDefaultClerk(db, place.storeId),
    ]));
  }

  /** A clerk's badge scanned at the till makes them the clerk new lines are credited to (营业员). */
  async function badgeScanned(input: string, badge: Exclude<BadgeScan, { found: 'none' }>): Promise<void> {
    if (badge.found === 'elsewhere') return setNotice({ tone: 'error', code: 'CLERK_NOT_HERE', params: { code: input.trim() } });
    await saveDefaultClerk(db, badge.clerk.id);
    setNotice({ tone: 'note', message: 'clerk.defaultSet', params: { code: badge.clerk.code, name: badge.clerk.name } });
  }

  async function scanNow(input: string): Promise<void> {
    const at = now();
    const [badge, found, defaultClerk] = await readScan(input, at);
    if (badge.found !== 'none') return badgeScanned(input, badge);
    if (!found.ok) {
      setNotice({ tone: 'error', code: found.code, params: { code: input.trim() } });
      return;
    }
    const item = { ...found.item, clerkShares: sharesFor(defaultClerk) };
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
