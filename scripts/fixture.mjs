// `npm run fixture [-- MIGRATION]`: writes test/fixtures/schemas/<MIGRATION>.sql (the latest
// migration by default), a registry at that schema full of rows, for the migration tests.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import path from 'node:path';
import { root } from './bundle.mjs';

const outfile = path.join(root, '.cache', 'test-bundles', 'make-fixture.mjs');
await build({
  entryPoints: [path.join(root, 'test/support/make-fixture.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(run.status ?? 1);
