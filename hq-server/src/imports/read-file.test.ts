import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import { PassThrough, Readable, type Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv, readTable, readXlsx } from './read-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

interface ZipEntry { path: string; autodrain(): void }
/** What exceljs's streaming reader unzips with (its unzipper, patched here: see `patches/`) and iterates the entries by. */
const requireOfExcelJs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzipper = requireOfExcelJs('unzipper') as { Parse(options: { forceStream: true }): Duplex };
const iterateStream = requireOfExcelJs('./lib/utils/iterate-stream.js') as (stream: Duplex) => AsyncIterable<ZipEntry>;

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

  it('gets every part of the archive from its unzipper, however long each part takes to read', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
    for (const name of ['first', 'second']) {
      const sheet = writer.addWorksheet(name);
      sheet.addRow(['sku', name]).commit();
      sheet.commit();
    }
    await writer.commit();
    // The reader parks each sheet stored before the workbook part in a temporary file. While that
    // write is slow, the unzipper must keep the parts after it rather than end without them.
    const zip = unzipper.Parse({ forceStream: true });
    Readable.from([Buffer.concat(chunks)]).pipe(zip);
    const parts: string[] = [];
    for await (const entry of iterateStream(zip)) {
      parts.push(entry.path);
      await new Promise((resolve) => setTimeout(resolve, 20));
      entry.autodrain();
    }
    expect(parts).toEqual(expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']));
  });

  it('refuses a damaged or cut-off workbook', async () => {
    await expect(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toThrow();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('products').addRow(['sku', 'name']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(readTable(bytes.slice(0, Math.floor(bytes.length / 2)))).rejects.toThrow();
  });
});
