import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createMiddleware } from 'hono/factory';
import { isApiPath } from '@pos/shared';
import { createApp } from './app';
import type { Deps } from './http/app-env';

/** Vite's content-hashed build output (`/assets/index-BxY3_a9c.js`): a new build gets new names, so browsers keep these for good. */
const hashedAsset = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

/** Hashed assets for a year; everything else (index.html, sw.js, the manifest, icons) checked with HQ on every use. A missing asset falls through to index.html, which says no-cache again. */
const cacheControlOf = (path: string) => (hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * Gives an in-memory text answer (the API's JSON, an HTML page) its Content-Length, so that
 * `compress` can leave the small ones alone: it only knows a body's size from that header. A body
 * already encoded (a streamed snapshot) is left to stream.
 */
const measureTextBodies = createMiddleware(async (c, next) => {
  await next();
  if (c.res.headers.has('content-length') || c.res.headers.has('content-encoding') || !c.res.body || !/json|html|text/.test(c.res.headers.get('content-type') ?? '')) return;
  const body = await c.res.arrayBuffer();
  c.res = new Response(body, c.res);
  c.res.headers.set('content-length', String(body.byteLength));
});

/**
 * HQ on one port: the API, and the built till web app beside it so the till and the API
 * share one origin. Navigations that are not API paths get the app's index.html. Text
 * responses over 1 KB (scripts, styles, HTML, JSON) are gzipped for clients that take it.
 */
export function createServerApp(deps: Deps, staticDir: string | null) {
  const root = new Hono();
  const api = createApp(deps);
  root.use(compress({ threshold: 1024 }), measureTextBodies);
  if (staticDir && existsSync(staticDir)) {
    root.use('*', async (c, next) => {
      if (isApiPath(c.req.path) || c.req.method !== 'GET') return next();
      c.header('cache-control', cacheControlOf(c.req.path));
      return serveStatic({ root: staticDir })(c, next);
    });
    root.get('*', async (c, next) => {
      if (isApiPath(c.req.path)) return next();
      c.header('cache-control', 'no-cache');
      return c.html(await readFile(`${staticDir}/index.html`, 'utf8'));
    });
  }
  root.route('/', api);
  return root;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(deps: Deps, options: { port: number; host: string; staticDir: string | null }): Promise<RunningServer> {
  const app = createServerApp(deps, options.staticDir);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
