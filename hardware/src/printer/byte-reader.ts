/** A cursor over bytes that never reads past the end: missing bytes read as 0. */
export interface ByteReader {
  done(): boolean;
  next(): number;
  peek(): number | undefined;
  word(): number;
  take(n: number): Uint8Array;
  until(terminator: number): Uint8Array;
}

export function byteReader(bytes: Uint8Array): ByteReader {
  let at = 0;
  return {
    done: () => at >= bytes.length,
    next: () => (at < bytes.length ? bytes[at++]! : (at++, 0)),
    peek: () => bytes[at],
    word() {
      const low = this.next();
      return low + this.next() * 256;
    },
    take(n) {
      const out = bytes.slice(at, at + n);
      at += n;
      return out;
    },
    until(terminator) {
      const end = bytes.indexOf(terminator, at);
      const stop = end < 0 ? bytes.length : end;
      const out = bytes.slice(at, stop);
      at = stop + 1;
      return out;
    },
  };
}
