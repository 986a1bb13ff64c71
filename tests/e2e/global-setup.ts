import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the till once for the browser tests, as HQ serves it in production. */
export default function buildTill(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // As production builds it: vitest sets NODE_ENV=test, which libraries read to give every element one test id.
  execFileSync('pnpm', ['--filter', '@pos/pos-client', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
