import { importColumns } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { ProductRow } from './kinds/products.import';
import { duplicates, mapHeader, parseRows } from './rows';

describe('the header', () => {
  it('takes English keys and Chinese headers in any order, and names unknown, repeated and missing columns', () => {
    const { at, issues } = mapHeader(importColumns.products, ['中文名称', 'SKU', 'colour', 'name_zh', '']);
    expect([...at]).toEqual([['name_zh', 0], ['sku', 1]]);
    expect(issues.map((i) => [i.column, i.code])).toEqual([['colour', 'UNKNOWN_COLUMN'], ['name_zh', 'REPEATED_COLUMN']]);
    expect(mapHeader(importColumns.products, ['sku']).issues).toEqual([expect.objectContaining({ column: 'name_zh', code: 'MISSING_COLUMN' })]);
  });
});

describe('rows', () => {
  const header = ['sku', 'name_zh', 'unit', 'weighed', 'retail_price', 'barcodes'];
  const { at } = mapHeader(importColumns.products, header);

  it('reads cells into the row shape: Chinese words for closed sets, amounts in fen, barcode lists', () => {
    const { rows, issues } = parseRows({ header, rows: [{ row: 2, cells: ['A1', '可乐', '瓶', '是', '¥3.5', '6900000000017|6900000000024'] }] }, at, ProductRow);
    expect(issues).toEqual([]);
    expect(rows[0]!.data).toMatchObject({ sku: 'A1', unit: 'bottle', weighed: true, retail_price: 350, barcodes: ['6900000000017', '6900000000024'] });
  });

  it('reports each bad cell by row and column with the form expected', () => {
    const { issues } = parseRows({ header, rows: [{ row: 7, cells: ['', '可乐\u0000', 'litre', 'maybe', '3.555', '12'] }] }, at, ProductRow);
    expect(issues.map((i) => [i.row, i.column, i.code, i.expected])).toEqual([
      [7, 'sku', 'REQUIRED', undefined], [7, 'name_zh', 'INVALID', 'text:120'], [7, 'unit', 'INVALID', 'one_of'],
      [7, 'weighed', 'INVALID', 'yes_no'], [7, 'barcodes', 'INVALID', 'digits:8-14'], [7, 'retail_price', 'INVALID', 'amount'],
    ]);
  });

  it('names the first row holding a value that must be unique', () => {
    const rows = [{ row: 2, data: ['a', 'b'] }, { row: 3, data: ['c'] }, { row: 4, data: ['b'] }];
    expect(duplicates(rows, 'barcodes', (d) => d)).toEqual([expect.objectContaining({ row: 4, value: 'b', otherRow: 2, code: 'DUPLICATE_IN_FILE' })]);
  });
});
