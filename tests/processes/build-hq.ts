import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds HQ's production bundle once for the run (`pnpm --filter @pos/hq-server build`: seconds, the till is not needed). */
export default function buildHq(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'hq-server/scripts/build.ts'], { cwd: root, stdio: 'inherit' });
}
