/** A unit file's settings by section; the last value of a key wins, as for the single-valued keys read here. */
export function readUnitFile(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const equals = line.indexOf('=');
    if (!current || equals < 0) throw new Error(`not a unit file line: ${line}`);
    current.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  return sections;
}

export function unitSetting(unit: Map<string, Map<string, string>>, section: string, key: string): string {
  const value = unit.get(section)?.get(key);
  if (value === undefined) throw new Error(`the unit has no ${key}= in [${section}]`);
  return value;
}

/**
 * An ExecStart= command line split into arguments as systemd splits it: words apart at blanks,
 * double or single quotes holding blanks, `\` escapes inside quotes, `%%` for a percent sign,
 * `$$` for a dollar sign and `${NAME}` or `$NAME` replaced by the service's environment, in the
 * arguments (the program's path is taken as it is).
 */
export function commandWords(line: string, env: Readonly<Record<string, string>>): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quote === null && /\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
      continue;
    }
    word ??= '';
    if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = null;
    else if (quote !== null && c === '\\') word += line[(i += 1)] ?? '';
    else if (c === '%') word += line[(i += 1)] === c ? c : unsupported(line, i);
    else if (c === '$' && words.length === 0) word += c;
    else if (c === '$' && line[i + 1] === '$') word += line[(i += 1)];
    else if (c === '$') {
      const name = /^\{(\w+)\}|^(\w+)/.exec(line.slice(i + 1));
      if (!name) unsupported(line, i);
      word += env[name![1] ?? name![2]!] ?? '';
      i += name![0].length;
    } else word += c;
  }
  if (quote !== null) throw new Error(`unterminated quote in ${line}`);
  if (word !== null) words.push(word);
  return words;
}

function unsupported(line: string, at: number): never {
  throw new Error(`cannot read ${line.slice(at, at + 8)}… in ${line}`);
}
