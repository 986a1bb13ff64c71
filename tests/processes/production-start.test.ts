import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBuiltHq, waitFor } from './hq-process';

describe('the production build', () => {
  it('refuses to start in production without DATABASE_URL, saying why, with a non-zero exit', async () => {
    const hq = startBuiltHq({ POS_MODE: 'production' });
    expect(await hq.exited).toBe(1);
    expect(hq.stderr()).toContain('DATABASE_URL: POS_MODE=production needs DATABASE_URL');
    expect(hq.stderr()).toContain('does not flush to disk on commit');
    expect(hq.stderr()).toContain('ALLOW_EMBEDDED_DATABASE=true');
  });

  it('starts on the embedded database only when allowed, warning at start, ready and without the demo', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pos-hq-trial-'));
    const hq = startBuiltHq({ POS_MODE: 'production', ALLOW_EMBEDDED_DATABASE: 'true', PGLITE_DIR: dataDir });
    try {
      const url = await hq.listening;
      expect(hq.logs[0]).toMatchObject({ level: 'warn' });
      expect(String(hq.logs[0]!.msg)).toContain('does not flush to disk on commit and does not survive a power cut');
      const ready = await fetch(`${url}/ready`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
      expect((await fetch(`${url}/metrics`)).status).toBe(403);
      const stores = await fetch(`${url}/auth/office/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'hq@demo.pos', password: 'demo1234' }) });
      expect(stores.status).toBe(401);
      await waitFor('the request lines', () => hq.logs.filter((l) => l.msg === 'request').length >= 3);
      expect(hq.logs.filter((l) => l.msg === 'request').map((l) => [l.route, l.status])).toEqual([['/ready', 200], ['/metrics', 403], ['/auth/office/sign-in', 401]]);
      expect(JSON.stringify(hq.logs)).not.toContain('demo1234');
      expect(await hq.stop()).toBe(0);
    } finally {
      await hq.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
