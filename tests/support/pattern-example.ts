/**
 * The shortest string a JSON-schema `pattern` accepts (the `variant`th of them, so examples can
 * differ where a value must be unique), for the regular expressions HQ's schemas use:
 * literals, escapes (\d \w \s and escaped punctuation), character classes, non-capturing and
 * capturing groups, alternation and the quantifiers ? * + {n} {n,m}. Anything else throws, so a
 * pattern the generator cannot satisfy shows up as a test error rather than a wrong example.
 */
export function patternExample(pattern: string, variant = 0): string {
  const parser: Parser = { source: pattern, at: 0, variant, place: 1 };
  const text = alternation(parser);
  if (parser.at !== pattern.length || !new RegExp(pattern).test(text)) throw new Error(`cannot make an example of /${pattern}/`);
  return text;
}

type Parser = { source: string; at: number; variant: number; place: number };

const digits = '0123456789';
const wordCharacters = `${digits}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_`;

/** One of the characters an atom allows: the next digit of the variant, written in base `choices.length`. */
function choose(p: Parser, choices: string): string {
  const index = Math.floor(p.variant / p.place) % choices.length;
  p.place *= choices.length;
  return choices[index]!;
}

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
    const [start, place] = [p.at, p.place];
    atom(p);
    p.place = place;
    const times = quantifier(p);
    const end = p.at;
    for (let i = 0; i < times; i++) {
      p.at = start;
      text += atom(p);
    }
    p.at = end;
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
  if (c === '\\') return choose(p, escape(p.source[p.at++]!));
  if (c === '.') return 'a';
  return c;
}

/** The characters an escape stands for. */
function escape(c: string): string {
  const classes: Record<string, string> = { d: digits, w: wordCharacters, s: ' ' };
  if (c in classes) return classes[c]!;
  if (/[A-Za-z]/.test(c)) throw new Error(`unsupported escape \\${c}`);
  return c;
}

function characterClass(p: Parser): string {
  const end = p.source.indexOf(']', p.at + 1);
  const body = p.source.slice(p.at, end);
  p.at = end + 1;
  if (body.startsWith('^')) throw new Error(`unsupported negated class [${body}]`);
  let members = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') members += escape(body[++i]!);
    else if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let code = body.charCodeAt(i); code <= body.charCodeAt(i + 2); code++) members += String.fromCharCode(code);
      i += 2;
    } else members += body[i];
  }
  return choose(p, members);
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
