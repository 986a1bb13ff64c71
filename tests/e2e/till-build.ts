import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const client = join(root, 'pos-client');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether `outDir` holds a build newer than every source given. */
function builtAfter(outDir: string, sources: readonly string[]): boolean {
  const built = join(outDir, 'index.html');
  const present = sources.filter(existsSync);
  return existsSync(built) && statSync(built).mtimeMs > Math.max(...present.map(newestChange));
}

const clientSources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => join(client, name));

/** Builds the till unless `pos-client/dist` is newer than every source it is built from. */
export function ensureTillBuilt(): void {
  if (builtAfter(join(client, 'dist'), clientSources)) return;
  execFileSync('pnpm', ['--filter', '@pos/pos-client', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * The till as a later deployment would ship it: the same sources built with `POS_BUILD_ID` set
 * to `buildId`, so its page and its `sw.js` differ from `pos-client/dist`. It goes to
 * `pos-client/dist-<buildId>` and is built again only when a source of the till or of `shared/`
 * changed, so a run of the browser tests pays for it once. Answers the folder.
 */
export function ensureTillBuiltAs(buildId: string): string {
  const outDir = `dist-${buildId}`;
  if (builtAfter(join(client, outDir), [...clientSources, join(root, 'shared', 'src'), join(root, 'pnpm-lock.yaml')])) return join(client, outDir);
  execFileSync('pnpm', ['--filter', '@pos/pos-client', 'exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', POS_BUILD_ID: buildId },
  });
  return join(client, outDir);
}
