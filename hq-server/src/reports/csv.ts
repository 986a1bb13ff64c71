/**
 * A CSV field: quoted when it holds a comma, quote or line break; text starting with =, +, - or @
 * is defused so a spreadsheet never runs it, a negative amount (`-12.34`) staying a number.
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' || /^-\d+(\.\d+)?$/.test(value) ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An amount in the currency's major unit, exactly: `-1234` is `-12.34`. */
export const yuanText = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

/** Rows as CSV text, with CRLF line ends as spreadsheets expect. */
export const csvText = (rows: readonly (readonly (string | number)[])[]): string => `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
