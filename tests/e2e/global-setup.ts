import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds the till once for the browser tests, as HQ serves it in production: with NODE_ENV
 * production, not the test runner's `test`, which would build React's and antd's development code.
 */
export default function buildTill(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('pnpm', ['--filter', '@pos/pos-client', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
