import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createServerApp } from '@pos/hq-server/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let staticDir: string;
let server: ReturnType<typeof createServerApp>;
const script = `export const hello = ${JSON.stringify('你好，'.repeat(500))};\n`;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  staticDir = await mkdtemp(join(tmpdir(), 'hq-static-'));
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>till</title>');
  await writeFile(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(staticDir, 'manifest.webmanifest'), '{"name":"till"}');
  await writeFile(join(staticDir, 'assets', 'index-BxY3_a9c.js'), script);
  server = createServerApp(f.deps, staticDir);
});
afterAll(async () => {
  await rm(staticDir, { recursive: true, force: true });
  await database.close();
});

const get = (path: string, acceptEncoding?: string) => server.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('HQ serving the till and the API', () => {
  it('gzips /openapi.json for a client that takes gzip, and not for one that does not', async () => {
    const zipped = await get('/openapi.json', 'gzip, deflate, br');
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const document = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect((await get('/openapi.json')).headers.get('content-encoding')).toBeNull();
  });

  it('gzips a script and marks a hashed asset immutable for a year', async () => {
    const res = await get('/assets/index-BxY3_a9c.js', 'gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(script);
  });

  it('keeps index.html, the service worker and the manifest checked on every use', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/office/anything']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('answers a missing asset with index.html marked no-cache, never immutable', async () => {
    const res = await get('/assets/missing-ZZZZ1234.js');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves small answers as they are', async () => {
    const res = await get('/health', 'gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});
