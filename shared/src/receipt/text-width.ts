/** How many printer columns one character takes: 2 for CJK and full-width forms. */
export type CharWidth = (char: string) => number;

const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];

export const eastAsianWidth: CharWidth = (char) => {
  const code = char.codePointAt(0) ?? 0;
  return WIDE_RANGES.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
};

export function measureText(text: string, width: CharWidth): number {
  let total = 0;
  for (const char of text) total += width(char);
  return total;
}

/** Breaks text into lines of at most `columns`, at spaces where a word fits, else between characters. */
export function wrapText(text: string, columns: number, width: CharWidth): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const char of text) {
    const w = width(char);
    if (used + w > columns && char === ' ') {
      lines.push(line);
      line = '';
      used = 0;
      continue;
    }
    if (used + w > columns) {
      const space = line.lastIndexOf(' ');
      const carry = space > 0 ? line.slice(space + 1) : '';
      lines.push(space > 0 ? line.slice(0, space) : line);
      line = carry;
      used = measureText(carry, width);
      if (used + w > columns) {
        lines.push(line);
        line = '';
        used = 0;
      }
    }
    if (char === ' ' && line === '' && lines.length > 0) continue;
    line += char;
    used += w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l) => l.trimEnd());
}

export function alignText(text: string, columns: number, align: 'left' | 'center' | 'right', width: CharWidth): string {
  const free = Math.max(0, columns - measureText(text, width));
  if (align === 'left') return text;
  const before = align === 'right' ? free : Math.floor(free / 2);
  return `${' '.repeat(before)}${text}`;
}
