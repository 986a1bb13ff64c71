import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { isApiPath } from '@pos/shared';
import { createApp } from './app';
import type { Deps } from './http/app-env';

/**
 * HQ on one port: the API, and the built till web app beside it so the till and the API
 * share one origin. Navigations that are not API paths get the app's index.html.
 */
export function createServerApp(deps: Deps, staticDir: string | null) {
  const root = new Hono();
  const api = createApp(deps);
  if (staticDir && existsSync(staticDir)) {
    root.use('*', async (c, next) => {
      if (isApiPath(c.req.path) || c.req.method !== 'GET') return next();
      if (c.req.path === '/sw.js' || c.req.path.endsWith('.webmanifest')) c.header('cache-control', 'no-cache');
      return serveStatic({ root: staticDir })(c, next);
    });
    root.get('*', async (c, next) => {
      if (isApiPath(c.req.path)) return next();
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
