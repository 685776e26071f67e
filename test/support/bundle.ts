import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Bundles a TypeScript entry (a child process for a test: a crash worker, a second host) into
 * one Node ESM file, with better-sqlite3 loaded from node_modules as the app loads it.
 */
export async function bundleEntry(entry: string, name: string): Promise<string> {
  const outdir = path.join(ROOT, '.cache', 'test-bundles');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, `${name}.mjs`);
  await build({
    entryPoints: [path.resolve(ROOT, entry)],
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
  return outfile;
}
