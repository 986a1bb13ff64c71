import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv, readTable, readXlsx } from './read-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading CSV', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields, numbering rows as records', () => {
    const table = readCsv('sku,name\r\nA1,"Cola, ""big""\nbottle"\r\n\r\nA2,Tea\n');
    expect(table.header).toEqual(['sku', 'name']);
    expect(table.rows).toEqual([{ row: 2, cells: ['A1', 'Cola, "big"\nbottle'] }, { row: 4, cells: ['A2', 'Tea'] }]);
  });

  it('reads UTF-8 with and without a byte-order mark, and GBK as Excel in China saves it', () => {
    expect(decodeCsv(utf8('\uFEFF商品编码,中文名称'))).toBe('商品编码,中文名称');
    expect(decodeCsv(utf8('商品编码,中文名称'))).toBe('商品编码,中文名称');
    expect(decodeCsv(new Uint8Array(iconv.encode('商品编码,中文名称\nA1,可口可乐', 'gbk')))).toBe('商品编码,中文名称\nA1,可口可乐');
  });

  it('refuses a quote left open', async () => {
    await expect(readTable(utf8('a,b\n"open,1'))).rejects.toThrow();
  });
});

describe('reading .xlsx', () => {
  it('reads the first sheet back as written: text, numbers, dates and formula results', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('products');
    sheet.addRow(['sku', 'price', 'birthday', 'total']);
    sheet.addRow(['A1', 12.9, new Date(Date.UTC(1990, 4, 20)), { formula: 'B2*2', result: 25.8 }]);
    sheet.addRow([]);
    sheet.addRow(['A2', null, null, null]);
    const table = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.header).toEqual(['sku', 'price', 'birthday', 'total']);
    expect(table.rows).toEqual([{ row: 2, cells: ['A1', '12.9', '1990-05-20', '25.8'] }, { row: 4, cells: ['A2'] }]);
  });

  it('refuses a damaged workbook', async () => {
    await expect(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toThrow();
  });
});
