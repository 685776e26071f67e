// `npm run soak [-- TRIALS]`: crash trials at length (200 by default), printing the counts.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import path from 'node:path';
import { root } from './bundle.mjs';

const outdir = path.join(root, '.cache', 'test-bundles');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: { soak: path.join(root, 'test/support/soak.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
});
await build({
  ...common,
  entryPoints: { 'crash-worker': path.join(root, 'test/support/crash-worker.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
});
const run = spawnSync(process.execPath, [path.join(outdir, 'soak.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(run.status ?? 1);
