import { describe, expect, it } from 'vitest';
import { isSafeText, SafeText } from './common';

describe('SafeText', () => {
  it('takes ordinary text in any script, emoji included', () => {
    for (const text of ['可口可乐 330ml', 'Coca-Cola', 'café', '👍🏽 ok', '']) expect(isSafeText(text)).toBe(true);
  });

  it('never lets a control character through, NUL, escape, DEL and C1 included', () => {
    for (const text of ['a\u0000b', 'tab\there', 'line\nbreak', '\u001b@', 'del\u007f', 'c1\u0085']) expect(isSafeText(text)).toBe(false);
  });

  it('never lets a lone surrogate through, at either end or alone', () => {
    for (const text of ['\ud800', 'x\udc00', '\ud83dx', 'ok\udfff']) expect(isSafeText(text)).toBe(false);
  });

  it('keeps the check when lengths are chained onto it', () => {
    const Name = SafeText.min(1).max(10);
    expect(Name.safeParse('name').success).toBe(true);
    expect(Name.safeParse('na\u0000me').success).toBe(false);
    expect(Name.safeParse('').success).toBe(false);
    expect(Name.nullable().safeParse('\ud800').success).toBe(false);
  });
});
