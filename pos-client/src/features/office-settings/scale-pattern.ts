/** One run of a scale label pattern, left to right: what those digits of a label hold. */
export type PatternPart =
  | { kind: 'prefix' | 'fixed'; digits: string }
  | { kind: 'flag' | 'item' | 'value' | 'priceCheck' | 'check'; length: number };

const symbolKinds = { F: 'flag', P: 'item', V: 'value', X: 'priceCheck', C: 'check' } as const;

const isSymbol = (symbol: string): symbol is keyof typeof symbolKinds => symbol in symbolKinds;

/**
 * A pattern such as `22PPPPPVVVVVC` as its runs (prefix 22, item code of 5, value of 5, check
 * digit), so the screen can say it in words while it is typed. Whether the pattern is valid is
 * the shared schema's to say; this is null only for a symbol no layout uses.
 */
export function describeScalePattern(pattern: string): PatternPart[] | null {
  const parts: PatternPart[] = [];
  for (const symbol of pattern) {
    const last = parts.at(-1);
    if (symbol >= '0' && symbol <= '9') {
      if (last && 'digits' in last) last.digits += symbol;
      else parts.push({ kind: parts.length === 0 ? 'prefix' : 'fixed', digits: symbol });
    } else if (isSymbol(symbol)) {
      const kind = symbolKinds[symbol];
      if (last && 'length' in last && last.kind === kind) last.length += 1;
      else parts.push({ kind, length: 1 });
    } else return null;
  }
  return parts;
}

/** What a pattern field keeps of what was typed: upper case, no spaces, so `22pppppvvvvvc` reads as meant. */
export const patternInput = (typed: string): string => typed.toUpperCase().replace(/\s/g, '');
