import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sales } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { startBridgeProcess, type BridgeProcess } from './bridge-process';
import { openSellingTill } from './till-page';

const run = promisify(execFile);
const HOST = 'pos.test';
const nginxTemplate = fileURLToPath(new URL('../../hq-server/deploy/nginx.conf', import.meta.url));

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let bridge: BridgeProcess;
let browser: Browser;
let page: Page;
let proxy: { origin: string; httpPort: number; stop(): Promise<void> };

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * nginx on loopback with the deployment's own server blocks (`hq-server/deploy/nginx.conf`), its
 * name, certificate, ports and HQ address swapped for this test's, and a certificate made for
 * `pos.test`. Returns the HTTPS origin and the certificate's key hash for Chromium to trust.
 */
async function startNginx(hqUrl: string): Promise<{ origin: string; httpPort: number; spki: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pos-tls-'));
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
    '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')]);
  const { stdout: spki } = await run('sh', ['-c', `openssl x509 -pubkey -noout -in '${join(dir, 'fullchain.pem')}' | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`]);
  const [https, http] = [await freePort(), await freePort()];
  const servers = (await readFile(nginxTemplate, 'utf8'))
    .replaceAll('pos.example.com', HOST)
    .replaceAll('/etc/ssl/pos/', `${dir}/`)
    .replace('server 127.0.0.1:8080;', `server ${new URL(hqUrl).host};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${https} ssl http2;`)
    .replace('listen 80;', `listen 127.0.0.1:${http};`);
  await writeFile(join(dir, 'servers.conf'), servers);
  await writeFile(join(dir, 'nginx.conf'), [
    `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log;`, 'worker_processes 1;', 'events {}',
    `http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
    `  include ${dir}/servers.conf; }`,
  ].join('\n'));
  await run('nginx', ['-t', '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;']);
  const nginx: ChildProcess = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const origin = `https://${HOST}:${https}`;
  return {
    origin,
    httpPort: http,
    spki: spki.trim(),
    stop: async () => {
      nginx.kill('SIGTERM');
      await new Promise((resolve) => (nginx.exitCode === null ? nginx.once('exit', resolve) : resolve(null)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  const nginx = await startNginx(hq.url);
  proxy = nginx;
  bridge = await startBridgeProcess([nginx.origin]);
  // The name resolves to loopback and the test certificate is trusted as a chain's real one would be, so the page is a secure context.
  browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${nginx.spki}`]);
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  await proxy?.stop();
  await hq?.close();
  await database?.close();
});

describe('the till from an https:// origin behind nginx', () => {
  it('pairs, installs its service worker, talks to the bridge on ws://127.0.0.1, sells, and opens again offline', async () => {
    await openSellingTill(page, f, proxy.origin, bridge.url);
    expect(await page.evaluate(() => ({ protocol: location.protocol, secure: window.isSecureContext }))).toEqual({ protocol: 'https:', secure: true });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // Plain HTTP is sent to HTTPS.
    const redirect = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
      get({ host: '127.0.0.1', port: proxy.httpPort, path: '/office', headers: { host: HOST } }, (res) => resolve({ status: res.statusCode, location: res.headers.location })).on('error', reject);
    });
    expect(redirect).toEqual({ status: 301, location: `https://${HOST}/office` });

    // The bridge on loopback, allowed from this origin alone.
    await page.getByTestId('bridge-status').and(page.locator('[data-state="unpaired"]')).click({ timeout: 30_000 });
    await page.getByTestId('bridge-code-input').fill(bridge.pairingCode());
    await page.getByTestId('bridge-pair-button').click();
    await page.locator('[data-testid="bridge-status"][data-state="ready"]').waitFor({ timeout: 15_000 });
    const item = f.catalog[3]!;
    expect(await bridge.cli('scan', item.barcode)).toContain('scanned');
    await expect.poll(() => page.getByTestId('basket-line').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    // Pushed through nginx to HQ, and its receipt printed by the bridge.
    await expect.poll(async () => (await f.deps.db.select().from(sales).where(eq(sales.chainId, f.chainId))).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => bridge.jobs().length, { timeout: 15_000 }).toBe(1);

    // With the network gone the service worker still opens the till.
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('scan-input').or(page.getByTestId('clerk-code-input')).first().waitFor({ timeout: 30_000 });
    await page.context().setOffline(false);
  });
});
