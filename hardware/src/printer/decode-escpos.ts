import iconv from 'iconv-lite';
import { byteReader, type ByteReader } from './byte-reader';

/**
 * Reads an ESC/POS byte stream back into what a printer would do with it. The simulated
 * printer renders receipts with it, and tests check text, alignment, cut and drawer kicks.
 */
export type DecodedEvent =
  | { kind: 'init' }
  | { kind: 'line'; text: string; bold: boolean; large: boolean; align: Align }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'drawer'; pin: 2 | 5; onMs: number; offMs: number }
  | { kind: 'image'; width: number; height: number; data: Uint8Array }
  | { kind: 'barcode'; symbology: string; data: string }
  | { kind: 'status-request'; n: number }
  | { kind: 'unknown'; command: string };
type Align = 'left' | 'center' | 'right';

export interface DecodeOptions {
  /** Printers sold in China read GBK until told otherwise; international ones read code page 437. */
  startsInChineseMode: boolean;
}

const CODE_PAGES: Record<number, string> = { 0: 'cp437', 16: 'windows1252', 17: 'cp866', 19: 'cp858' };
const ALIGNS: readonly Align[] = ['left', 'center', 'right'];

interface State {
  chinese: boolean;
  codePage: string;
  bold: boolean;
  large: boolean;
  align: Align;
  text: number[];
}

export function decodeEscPos(bytes: Uint8Array, options: DecodeOptions): DecodedEvent[] {
  const events: DecodedEvent[] = [];
  const reader = byteReader(bytes);
  const fresh = (): State => ({ chinese: options.startsInChineseMode, codePage: 'cp437', bold: false, large: false, align: 'left', text: [] });
  let state = fresh();
  const flush = (force: boolean) => {
    if (!force && state.text.length === 0) return;
    const text = iconv.decode(Buffer.from(state.text), state.chinese ? 'gb18030' : state.codePage);
    events.push({ kind: 'line', text, bold: state.bold, large: state.large, align: state.align });
    state.text = [];
  };
  while (!reader.done()) {
    const byte = reader.next();
    if (byte >= 0x20) state.text.push(byte);
    else if (byte === 0x0a) flush(true);
    else if (byte === 0x1b) readEsc(reader, state, events, flush, () => (state = fresh()));
    else if (byte === 0x1d) readGs(reader, state, events, flush);
    else if (byte === 0x1c) readFs(reader, state, events);
    else if (byte === 0x10 && reader.peek() === 0x04) events.push({ kind: 'status-request', n: (reader.next(), reader.next()) });
    else if (byte !== 0x0d) events.push({ kind: 'unknown', command: byte.toString(16) });
  }
  flush(false);
  return events;
}

function readEsc(r: ByteReader, s: State, events: DecodedEvent[], flush: (force: boolean) => void, reset: () => void): void {
  const op = r.next();
  switch (op) {
    case 0x40: flush(false); reset(); events.push({ kind: 'init' }); return;
    case 0x45: s.bold = (r.next() & 1) === 1; return;
    case 0x61: s.align = ALIGNS[r.next() % 48] ?? 'left'; return;
    case 0x74: s.codePage = CODE_PAGES[r.next()] ?? 'cp437'; return;
    case 0x64: flush(false); events.push({ kind: 'feed', lines: r.next() }); return;
    case 0x21: { const n = r.next(); s.bold = (n & 0x08) !== 0; s.large = (n & 0x30) === 0x30; return; }
    case 0x70: { const pin = r.next() % 48 === 0 ? 2 : 5; events.push({ kind: 'drawer', pin, onMs: r.next() * 2, offMs: r.next() * 2 }); return; }
    case 0x2d: case 0x33: case 0x4a: case 0x4d: case 0x20: r.next(); return;
    case 0x32: return;
    default: events.push({ kind: 'unknown', command: `1b${op.toString(16)}` });
  }
}

function readGs(r: ByteReader, s: State, events: DecodedEvent[], flush: (force: boolean) => void): void {
  const op = r.next();
  switch (op) {
    case 0x21: s.large = (r.next() & 0x11) === 0x11; return;
    case 0x56: { flush(false); const m = r.next(); if (m >= 65) r.next(); events.push({ kind: 'cut', partial: m % 2 === 1 }); return; }
    case 0x76: { flush(false); events.push(readRaster(r)); return; }
    case 0x6b: { flush(false); events.push(readBarcode(r)); return; }
    case 0x68: case 0x77: case 0x48: case 0x66: r.next(); return;
    default: events.push({ kind: 'unknown', command: `1d${op.toString(16)}` });
  }
}

function readFs(r: ByteReader, s: State, events: DecodedEvent[]): void {
  const op = r.next();
  if (op === 0x26) s.chinese = true;
  else if (op === 0x2e) s.chinese = false;
  else if (op === 0x21) r.next();
  else events.push({ kind: 'unknown', command: `1c${op.toString(16)}` });
}

function readRaster(r: ByteReader): DecodedEvent {
  r.next();
  r.next();
  const bytesPerRow = r.word();
  const height = r.word();
  return { kind: 'image', width: bytesPerRow * 8, height, data: r.take(bytesPerRow * height) };
}

function readBarcode(r: ByteReader): DecodedEvent {
  const m = r.next();
  const raw = m >= 65 ? r.take(r.next()) : r.until(0);
  const text = Buffer.from(raw).toString('latin1');
  if (m === 73) return { kind: 'barcode', symbology: 'code128', data: text.replace(/^\{[ABC]/, '') };
  return { kind: 'barcode', symbology: `m${m}`, data: text };
}
