/**
 * The shortest string a JSON-schema `pattern` accepts, for the regular expressions HQ's schemas use:
 * literals, escapes (\d \w \s and escaped punctuation), character classes, non-capturing and
 * capturing groups, alternation and the quantifiers ? * + {n} {n,m}. Anything else throws, so a
 * pattern the generator cannot satisfy shows up as a test error rather than a wrong example.
 */
export function patternExample(pattern: string): string {
  const parser = { source: pattern, at: 0 };
  const text = alternation(parser);
  if (parser.at !== pattern.length || !new RegExp(pattern).test(text)) throw new Error(`cannot make an example of /${pattern}/`);
  return text;
}

type Parser = { source: string; at: number };

function alternation(p: Parser): string {
  const first = sequence(p);
  while (p.source[p.at] === '|') {
    p.at += 1;
    sequence(p);
  }
  return first;
}

function sequence(p: Parser): string {
  let text = '';
  while (p.at < p.source.length && p.source[p.at] !== '|' && p.source[p.at] !== ')') {
    const unit = atom(p);
    text += unit.repeat(quantifier(p));
  }
  return text;
}

function atom(p: Parser): string {
  const c = p.source[p.at++]!;
  if (c === '^' || c === '$') return '';
  if (c === '(') {
    if (p.source.startsWith('?:', p.at)) p.at += 2;
    const inner = alternation(p);
    if (p.source[p.at++] !== ')') throw new Error(`unclosed group in /${p.source}/`);
    return inner;
  }
  if (c === '[') return characterClass(p);
  if (c === '\\') return escape(p.source[p.at++]!);
  if (c === '.') return 'a';
  return c;
}

function escape(c: string): string {
  const classes: Record<string, string> = { d: '0', w: 'a', s: ' ' };
  if (c in classes) return classes[c]!;
  if (/[A-Za-z]/.test(c)) throw new Error(`unsupported escape \\${c}`);
  return c;
}

function characterClass(p: Parser): string {
  const end = p.source.indexOf(']', p.at + 1);
  const body = p.source.slice(p.at, end);
  p.at = end + 1;
  if (body.startsWith('^')) throw new Error(`unsupported negated class [${body}]`);
  return body.startsWith('\\') ? escape(body[1]!) : body[0]!;
}

/** How many times the preceding atom repeats: the least its quantifier allows. */
function quantifier(p: Parser): number {
  const c = p.source[p.at];
  if (c === '?' || c === '*') return (p.at += 1), 0;
  if (c === '+') return (p.at += 1), 1;
  if (c !== '{') return 1;
  const end = p.source.indexOf('}', p.at);
  const least = Number(p.source.slice(p.at + 1, end).split(',')[0]);
  p.at = end + 1;
  return least;
}
