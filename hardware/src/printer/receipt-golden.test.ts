import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutDocument, measureText, ReceiptDocument, type ReceiptModel } from '@pos/shared/receipt/index';
import { GROCERY_LINES, sampleSale } from '../sim/sample-documents';
import { SLIP_DOCUMENTS } from './receipt-golden.cases';
import { decodeEscPos, type DecodedEvent } from './decode-escpos';
import { encodeReceipt } from './encode-receipt';
import { defaultProfile, type PrinterProfile } from './printer-profile';
import { textCodecFor } from './text-codec';

const goldenDir = fileURLToPath(new URL('../../../tests/golden/receipts/', import.meta.url));
const english = [
  { zh: 'Coffee beans 1kg', en: 'Coffee beans 1kg', qty: 1, unit: 12800 },
  { zh: 'Paper cups x50', en: 'Paper cups x50', qty: 3, unit: 1550, off: 300 },
];
const longNames = [
  { zh: '德芙丝滑牛奶巧克力礼盒装（情人节限定版）超值家庭分享装', en: 'Dove silky milk chocolate gift box, limited edition family sharing pack', qty: 2, unit: 8990, off: 1000 },
  ...GROCERY_LINES,
];

interface Case {
  name: string;
  model: ReceiptModel;
  profile: PrinterProfile;
  openDrawer: boolean;
  total: string | null;
}

const sale = (opts: Parameters<typeof sampleSale>[0]) => layoutDocument(ReceiptDocument.parse(sampleSale(opts)));
const cases: Case[] = [
  { name: 'chinese-member-80', model: sale({ lines: GROCERY_LINES, member: true, tendered: 10000 }), profile: defaultProfile(80), openDrawer: true, total: '62.40' },
  { name: 'chinese-member-58', model: sale({ lines: GROCERY_LINES, member: true, tendered: 10000 }), profile: defaultProfile(58), openDrawer: true, total: '62.40' },
  { name: 'english-cp437-80', model: sale({ lines: english }), profile: defaultProfile(80, { encoding: 'cp437', cjkMode: false, columns: 42 }), openDrawer: false, total: '171.50' },
  { name: 'long-names-discount-58', model: sale({ lines: longNames, tendered: 50000 }), profile: defaultProfile(58, { cut: 'partial', drawerPins: [2, 5] }), openDrawer: true, total: '232.20' },
  { name: 'gift-rounding-58', model: sale({ lines: [...GROCERY_LINES, { zh: '环保购物袋', en: 'Tote bag', qty: 1, unit: 500, gift: true }], roundingMinor: -40, tendered: 7000 }), profile: defaultProfile(58), openDrawer: true, total: '62.40' },
  {
    name: 'sales-clerks-58',
    model: sale({ lines: [{ ...GROCERY_LINES[0]!, clerks: [['0014', 100]] }, { ...GROCERY_LINES[2]!, clerks: [['0014', 60], ['0015', 40]] }, GROCERY_LINES[1]!] }),
    profile: defaultProfile(58), openDrawer: false, total: '62.40',
  },
  { name: 'mixed-gb18030-42', model: sale({ lines: [...english, ...GROCERY_LINES], member: true }), profile: defaultProfile(80, { encoding: 'gb18030', columns: 42 }), openDrawer: false, total: '233.90' },
  ...SLIP_DOCUMENTS.map((doc) => ({ name: doc.kind.replaceAll('_', '-'), model: layoutDocument(doc), profile: defaultProfile(80), openDrawer: false, total: null })),
];

const lines = (events: DecodedEvent[]) => events.flatMap((e) => (e.kind === 'line' ? [e] : []));

describe.each(cases)('receipt $name', ({ name, model, profile, openDrawer, total }) => {
  const bytes = encodeReceipt(model, profile, { openDrawer });
  const events = decodeEscPos(bytes, { startsInChineseMode: profile.cjkMode });
  const width = textCodecFor(profile.encoding).width;

  it('matches the committed bytes exactly', () => {
    const file = `${goldenDir}${name}.bin`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, bytes);
    expect(existsSync(file), `${name}.bin missing: run with UPDATE_GOLDEN=1 and review the decoded text`).toBe(true);
    expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
  });

  it('keeps every line within the paper width, Chinese characters counted double', () => {
    for (const line of lines(events)) expect(measureText(line.text, width) * (line.large ? 2 : 1)).toBeLessThanOrEqual(profile.columns);
  });

  it('ends amounts on the last column', () => {
    const amounts = lines(events).filter((l) => !l.large && /\d\.\d\d$/.test(l.text));
    if (total) expect(amounts.length).toBeGreaterThan(0);
    for (const line of amounts) expect(measureText(line.text, width)).toBe(profile.columns);
  });

  it('prints the total, then cuts, and kicks the drawer only when asked', () => {
    const text = lines(events).map((l) => l.text);
    if (total) expect(text.find((t) => t.startsWith('合计 TOTAL') || t.startsWith('?? TOTAL'))).toMatch(new RegExp(`${total.replace('.', '\\.')}$`));
    const cut = events.findIndex((e) => e.kind === 'cut');
    expect(cut).toBe(events.length - 1);
    expect(events[cut]).toEqual({ kind: 'cut', partial: profile.cut === 'partial' });
    const kicks = events.filter((e) => e.kind === 'drawer');
    expect(kicks).toEqual(openDrawer ? profile.drawerPins.map((pin) => ({ kind: 'drawer', pin, onMs: 50, offMs: 240 })) : []);
    expect(events.filter((e) => e.kind === 'unknown')).toEqual([]);
  });
});

describe('codes the return screen scans', () => {
  const barcodes = (model: ReceiptModel) =>
    decodeEscPos(encodeReceipt(model, defaultProfile(80), { openDrawer: false }), { startsInChineseMode: true }).filter((e) => e.kind === 'barcode');

  it('prints the sale receipt number as a CODE128 barcode, the sale id as a QR code', () => {
    const doc = ReceiptDocument.parse(sampleSale({ lines: GROCERY_LINES }));
    expect(barcodes(layoutDocument(doc))).toEqual([{ kind: 'barcode', symbology: 'code128', data: 'S01-20250314-0042' }]);
    expect(layoutDocument(doc).blocks.filter((b) => b.kind === 'code')).toEqual([
      { kind: 'code', symbology: 'code128', data: 'S01-20250314-0042' },
      { kind: 'code', symbology: 'qr', data: doc.kind === 'sale_receipt' ? doc.sale.id : '' },
    ]);
  });

  it('prints a return slip with its original receipt, the card refund’s reference, and its own number as a barcode', () => {
    const slip = SLIP_DOCUMENTS.find((d) => d.kind === 'return_slip')!;
    const events = decodeEscPos(encodeReceipt(layoutDocument(slip), defaultProfile(80), { openDrawer: false }), { startsInChineseMode: true });
    const text = lines(events).map((l) => l.text.trim());
    expect(text).toContain('换货单 EXCHANGE SLIP');
    expect(text.some((t) => t.startsWith('原小票 Receipt') && t.endsWith('T01-42'))).toBe(true);
    expect(text.some((t) => t.startsWith('促销回收') && t.endsWith('-0.66'))).toBe(true);
    expect(text.some((t) => t.startsWith('#AUTH 884211'))).toBe(true);
    expect(text.some((t) => t.startsWith('退款合计 REFUND') && t.endsWith('0.50'))).toBe(true);
    expect(events.filter((e) => e.kind === 'barcode')).toEqual([{ kind: 'barcode', symbology: 'code128', data: 'T01-R7' }]);
  });
});

describe('sales clerks on the receipt', () => {
  it('prints the clerk’s code under a line credited to one, both codes with their shares under a shared line, and nothing under the cashier’s', () => {
    const doc = sampleSale({ lines: [{ ...GROCERY_LINES[0]!, clerks: [['0014', 100]] }, { ...GROCERY_LINES[2]!, clerks: [['0014', 60], ['0015', 40]] }, GROCERY_LINES[1]!] });
    const text = lines(decodeEscPos(encodeReceipt(layoutDocument(ReceiptDocument.parse(doc)), defaultProfile(80), { openDrawer: false }), { startsInChineseMode: true })).map((l) => l.text.trim());
    const clerkLines = text.filter((t) => t.startsWith('营业员 Clerk'));
    expect(clerkLines.map((t) => t.replace(/\s+/g, ' '))).toEqual(['营业员 Clerk 0014', '营业员 Clerk 0014 60% 0015 40%']);
    expect(text.indexOf(clerkLines[0]!)).toBeGreaterThan(text.findIndex((t) => t.startsWith('农夫山泉')));
    expect(text.indexOf(clerkLines[1]!)).toBeGreaterThan(text.findIndex((t) => t.startsWith('蒙牛纯牛奶')));
    expect(text.indexOf(clerkLines[1]!)).toBeLessThan(text.findIndex((t) => t.startsWith('康师傅')));
  });

  it('prints no clerk for a line whose clerk the receipt was not told the code of', () => {
    const doc = sampleSale({ lines: [{ ...GROCERY_LINES[0]!, clerks: [['0014', 100]] }] });
    const model = layoutDocument(ReceiptDocument.parse({ ...doc, clerks: undefined }));
    expect(model.blocks.some((b) => b.kind === 'pair' && b.left.startsWith('营业员'))).toBe(false);
  });
});

describe('text encoding', () => {
  it('prints ¥ as the two-byte full-width sign on GBK and GB18030 printers, never as four bytes', () => {
    for (const encoding of ['gbk', 'gb18030'] as const) expect([...textCodecFor(encoding).encode('¥1')]).toEqual([0xa3, 0xa4, 0x31]);
  });

  it('writes the drawer kick as 1B 70 00 19 78 and selects Chinese mode with FS &', () => {
    const bytes = encodeReceipt({ documentId: 'd', currencyExponent: 2, blocks: [{ kind: 'text', text: '中' }] }, defaultProfile(80, { cut: 'none', feedBeforeCut: 0 }), { openDrawer: true });
    expect(Buffer.from(bytes).toString('hex')).toBe('1b401c261b70001978d6d00a');
  });
});
