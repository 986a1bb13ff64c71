import { Agent, request } from 'node:http';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

/** What one request came to: an answer (status, body as JSON, or as text when asked; null when unreadable) or no answer at all. */
export type Answer =
  | { kind: 'answer'; status: number; retryAfter: string | null; body: unknown; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'network'; code: string; ms: number };

export interface CallOptions {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The answer's body as text rather than JSON. */
  asText?: boolean;
}

/**
 * Keep-alive HTTP to one HQ process, as a browser holds connections to its origin: up to
 * `sockets` connections at once (requests beyond wait for one here), idle ones closed before
 * HQ's own keep-alive timeout (5 s) would close them under a request. Bodies are asked for
 * gzipped, as a browser asks, and unpacked.
 */
export function createHqConnection(origin: string, sockets: number) {
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, timeout: 4_000, scheduling: 'lifo' });

  function once(options: CallOptions, started: number): Promise<Answer & { reused: boolean }> {
    return new Promise((resolve) => {
      let settled = false;
      let reused = false;
      let pastDeadline = false;
      const elapsed = () => performance.now() - started;
      const finish = (answer: Answer) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ ...answer, reused });
      };
      const length = options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) };
      const req = request({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers: { 'accept-encoding': 'gzip', ...options.headers, ...length }, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'network', code: error.code ?? 'RESPONSE_ERROR', ms: elapsed() }));
        res.on('end', () => void readBody(Buffer.concat(chunks), res.headers['content-encoding'], options.asText === true).then((body) => {
          const retryAfter = res.headers['retry-after'];
          finish({ kind: 'answer', status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, body, ms: elapsed() });
        }));
      });
      req.on('socket', () => void (reused = req.reusedSocket));
      req.on('error', (error: NodeJS.ErrnoException) => finish(pastDeadline ? { kind: 'timeout', ms: elapsed() } : { kind: 'network', code: error.code ?? 'REQUEST_ERROR', ms: elapsed() }));
      const deadline = setTimeout(() => {
        pastDeadline = true;
        req.destroy(new Error('deadline'));
        finish({ kind: 'timeout', ms: elapsed() });
      }, options.timeoutMs);
      req.end(options.body);
    });
  }

  return {
    origin,
    /**
     * One request, timed from the call to the last byte of the answer. A connection HQ closed
     * while idle, found dead as the request went out on it, is tried once more on a new one, as a
     * browser does.
     */
    async call(options: CallOptions): Promise<Answer> {
      const started = performance.now();
      const first = await once(options, started);
      if (first.kind === 'network' && first.reused && (first.code === 'ECONNRESET' || first.code === 'EPIPE')) return once(options, started);
      return first;
    },
    close: () => agent.destroy(),
  };
}

export type HqConnection = ReturnType<typeof createHqConnection>;

async function readBody(raw: Buffer, encoding: string | undefined, asText: boolean): Promise<unknown> {
  try {
    const text = (encoding === 'gzip' ? await gunzipAsync(raw) : raw).toString('utf8');
    if (asText) return text;
    return text.length === 0 ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}
