import { useRef, useState } from 'react';
import { uuidv7 } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import type { MessageKey } from '../../i18n/messages-en';
import { addItem, changeQuantity, emptyBasket, moveSelection, removeLine, type Basket } from './basket';
import { findScannedItem } from './find-scanned-item';
import type { TillPricingPlace } from './price-till-basket';
import { repriceLines } from './reprice-lines';

export type SellNotice =
  | { tone: 'info'; names: { nameZh: string; nameEn: string } }
  | { tone: 'note'; message: MessageKey }
  | { tone: 'error'; code: string; params?: Record<string, string | number> };

/** The basket being rung up, and scanning into it from the pulled catalog. */
export function useBasket(place: TillPricingPlace) {
  const { db, now, randomBytes } = useTillServices();
  const [basket, setBasket] = useState<Basket>(emptyBasket);
  const [notice, setNotice] = useState<SellNotice | null>(null);
  const latest = useRef<Basket>(emptyBasket);
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** The level of the member the basket is for, as the queued actions reach it. */
  const memberLevel = useRef<string | null>(null);

  /** Queued actions read the basket as the previous action left it, not as the last render saw it. */
  function update(change: (current: Basket) => Basket): void {
    latest.current = change(latest.current);
    setBasket(latest.current);
  }

  /**
   * A scanner sends codes faster than look-ups finish, and a cashier presses + right after a
   * scan: queued, every action lands in the order it was keyed.
   */
  function inOrder(action: () => Promise<void> | void): Promise<void> {
    const next = queue.current.then(action);
    queue.current = next.catch(() => undefined);
    return next;
  }

  async function scanNow(input: string): Promise<void> {
    const at = now();
    const found = await findScannedItem(db, input, place, at, memberLevel.current);
    if (!found.ok) {
      setNotice({ tone: 'error', code: found.code, params: { code: input.trim() } });
      return;
    }
    const lineId = uuidv7(at.getTime(), randomBytes(10));
    update((current) => addItem(current, found.item, lineId, at.toISOString()));
    setNotice({ tone: 'info', names: found.item });
  }

  async function repriceNow(memberLevelId: string | null): Promise<void> {
    memberLevel.current = memberLevelId;
    const lines = await repriceLines(db, latest.current.lines, place, now().toISOString(), memberLevelId);
    update((current) => ({ ...current, lines }));
  }

  function onSelected(change: (current: Basket, lineId: string) => Basket): void {
    void inOrder(() => update((current) => (current.selectedId ? change(current, current.selectedId) : current)));
  }

  return {
    basket,
    notice,
    setNotice,
    scan: (input: string) => inOrder(() => scanNow(input)),
    adjustSelected: (delta: number) => onSelected((current, id) => changeQuantity(current, id, delta)),
    removeSelected: () => onSelected(removeLine),
    moveSelection: (step: number) => void inOrder(() => update((current) => moveSelection(current, step))),
    select: (lineId: string) => void inOrder(() => update((current) => ({ ...current, selectedId: lineId }))),
    /** Prices every line again for a member's level, or for a walk-in customer (null). */
    priceFor: (memberLevelId: string | null) => inOrder(() => repriceNow(memberLevelId)),
    clear: () => {
      memberLevel.current = null;
      update(() => emptyBasket);
    },
    /** Runs after every action keyed before it, e.g. completing the sale after the last scan. */
    inOrder,
    current: () => latest.current,
  };
}
