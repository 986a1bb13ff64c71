import { minor, sameShares, sumMinor, type LineClerkShare, type Minor } from '@pos/shared';

export interface BasketLine {
  id: string;
  productId: string;
  barcode: string | null;
  nameZh: string;
  nameEn: string;
  quantity: number;
  /** Per piece; for a scale label, the whole label (the price it prints, or its weight × the price per kilogram). */
  unitPriceMinor: Minor;
  /** The weight a scale label carries, in grams, for each unit of the line; absent or null for anything else. */
  weightGrams?: number | null;
  /** What promotions match a line on: its category, every category above it, its brand. */
  categoryId: string | null;
  ancestorCategoryIds: readonly string[];
  brandId: string | null;
  /** The sales clerks (营业员) the line is credited to, with their shares; empty or absent (tickets kept before clerks): the cashier's. */
  clerkShares?: readonly LineClerkShare[];
}

export interface Basket {
  lines: readonly BasketLine[];
  /** When the first item was scanned: the sale's `startedAt`. */
  startedAt: string | null;
  /** The line the quantity and remove keys act on. */
  selectedId: string | null;
}

export const emptyBasket: Basket = { lines: [], startedAt: null, selectedId: null };
export const maxLineQuantity = 100_000;

export type ScannedItem = Omit<BasketLine, 'id' | 'quantity'>;

/** Who a line is credited to: its clerks and their shares, none when the cashier sold it. */
export const lineClerks = (line: Pick<BasketLine, 'clerkShares'>): readonly LineClerkShare[] => line.clerkShares ?? [];

/**
 * Scanning a product already in the basket at the same price (and, for a weight label, the same
 * weight), credited to the same clerks, adds one to its line.
 */
export function addItem(basket: Basket, item: ScannedItem, newLineId: string, now: string): Basket {
  const sameWeight = (line: BasketLine) => (line.weightGrams ?? null) === (item.weightGrams ?? null);
  const sameClerks = (line: BasketLine) => sameShares(lineClerks(line), lineClerks(item));
  const existing = basket.lines.find((l) => l.productId === item.productId && l.unitPriceMinor === item.unitPriceMinor && sameWeight(l) && sameClerks(l));
  if (existing) return changeQuantity({ ...basket, selectedId: existing.id }, existing.id, 1);
  return {
    lines: [...basket.lines, { ...item, id: newLineId, quantity: 1 }],
    startedAt: basket.startedAt ?? now,
    selectedId: newLineId,
  };
}

/** Quantity stays between 1 and the limit; removing a line is its own key. */
export function changeQuantity(basket: Basket, lineId: string, delta: number): Basket {
  return {
    ...basket,
    lines: basket.lines.map((l) => (l.id === lineId ? { ...l, quantity: Math.min(maxLineQuantity, Math.max(1, l.quantity + delta)) } : l)),
  };
}

/** Credits a line to other clerks (an empty list: to the cashier). */
export function setLineClerks(basket: Basket, lineId: string, shares: readonly LineClerkShare[]): Basket {
  return { ...basket, lines: basket.lines.map((l) => (l.id === lineId ? { ...l, clerkShares: shares } : l)) };
}

export function removeLine(basket: Basket, lineId: string): Basket {
  const index = basket.lines.findIndex((l) => l.id === lineId);
  const lines = basket.lines.filter((l) => l.id !== lineId);
  if (lines.length === 0) return emptyBasket;
  const neighbour = lines[Math.min(Math.max(index, 0), lines.length - 1)];
  return { ...basket, lines, selectedId: basket.selectedId === lineId ? (neighbour?.id ?? null) : basket.selectedId };
}

/** Moves the selection up (-1) or down (+1) the list. */
export function moveSelection(basket: Basket, step: number): Basket {
  if (basket.lines.length === 0) return basket;
  const index = basket.lines.findIndex((l) => l.id === basket.selectedId);
  const next = Math.min(basket.lines.length - 1, Math.max(0, (index < 0 ? basket.lines.length : index) + step));
  return { ...basket, selectedId: basket.lines[next]?.id ?? null };
}

export function lineTotal(line: BasketLine): Minor {
  return minor(line.unitPriceMinor * line.quantity);
}

export function basketTotal(basket: Basket): Minor {
  return sumMinor(basket.lines.map(lineTotal));
}

export function itemCount(basket: Basket): number {
  return basket.lines.reduce((sum, l) => sum + l.quantity, 0);
}
