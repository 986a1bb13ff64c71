/**
 * The lines of a streamed text body as they arrive, without the newline. A line is joined
 * from its chunks once its end is seen, so a long line costs one pass, not one per chunk.
 */
export async function* snapshotLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending: string[] = [];
  try {
    for (;;) {
      const { value: bytes, done } = await reader.read();
      const value = done ? decoder.decode() : decoder.decode(bytes, { stream: true });
      let start = 0;
      for (let end = value.indexOf('\n'); end >= 0; end = value.indexOf('\n', start)) {
        pending.push(value.slice(start, end));
        yield pending.join('');
        pending = [];
        start = end + 1;
      }
      if (start < value.length) pending.push(value.slice(start));
      if (done) break;
    }
    if (pending.length > 0) yield pending.join('');
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
