/**
 * `pnpm build` for HQ: one ES module, `dist/main.js`, with HQ's code and the shared package
 * bundled in and every other dependency left to node_modules (PGlite finds its WebAssembly files
 * beside its own code), and the migrations copied to `dist/migrations`, where `db/migrate.ts`
 * looks first. The built till is served from `pos-client/dist` as in development.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const hqRoot = fileURLToPath(new URL('..', import.meta.url));
const dist = `${hqRoot}dist`;

const manifest = JSON.parse(readFileSync(`${hqRoot}package.json`, 'utf8')) as { dependencies: Record<string, string> };
/** Installed packages, and their subpaths, stay imports; the workspace's own TypeScript is bundled. */
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@pos/')).flatMap((name) => [name, `${name}/*`]);

rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${hqRoot}src/main.ts`],
  outfile: `${dist}/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  metafile: true,
});
cpSync(`${hqRoot}../migrations`, `${dist}/migrations`, { recursive: true });
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`HQ built into hq-server/dist (${Math.round(bytes / 1024)} KB with its source map)`);
