/** A small seeded generator (mulberry32) so demo data is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    bytes: (count: number) => Uint8Array.from({ length: count }, () => Math.floor(next() * 256)),
  };
}

export type Random = ReturnType<typeof seededRandom>;

/** EAN-13 check digit over the first 12 digits. */
export function ean13CheckDigit(first12: string): number {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** A unique, valid EAN-13 with the Chinese 69 prefix for the n-th product. */
export function demoEan13(n: number): string {
  const body = `69${((n * 7919 + 1_234_567) % 10_000_000_000).toString().padStart(10, '0')}`;
  return `${body}${ean13CheckDigit(body)}`;
}
