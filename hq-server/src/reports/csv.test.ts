import { describe, expect, it } from 'vitest';
import { csvField, csvText, yuanText } from './csv';

describe('CSV fields', () => {
  it('keeps negative amounts numbers and defuses text a spreadsheet would run', () => {
    expect(csvText([[yuanText(-1234), yuanText(5), -7, '=SUM(A1)', '-cmd', '@x', '+1']])).toBe("-12.34,0.05,-7,'=SUM(A1),'-cmd,'@x,'+1\r\n");
  });

  it('quotes fields holding commas, quotes or line breaks', () => {
    expect([csvField('a,b'), csvField('say "hi"'), csvField('two\nlines')]).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"']);
  });
});
