// Bundles the Node side (CLI and browser host, Electron main and preload) with esbuild.
// Progress goes to stderr: standard output belongs to the CLI's results.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './freshness.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Native or heavy packages loaded from node_modules at run time, never bundled. */
const EXTERNAL = [
  'better-sqlite3',
  'pg',
  'pg-native',
  'playwright',
  'playwright-core',
  'electron',
  'fsevents',
];
export const NODE_SOURCES = ['shared', 'db', 'main', 'package.json', 'scripts/bundle.mjs'];

const esmRequireBanner = [
  "import { createRequire as __youchengCreateRequire } from 'node:module';",
  'const require = __youchengCreateRequire(import.meta.url);',
].join('\n');

export async function bundleCli() {
  await build({
    // The worker of long jobs (main/jobs) is a bundle of its own, beside the CLI's.
    entryPoints: {
      cli: path.join(root, 'main/cli/cli.ts'),
      'jobs-worker': path.join(root, 'main/jobs/worker.ts'),
    },
    outdir: path.join(root, 'dist/node'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: esmRequireBanner },
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

export async function bundleElectron() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/electron/main.ts')],
    outfile: path.join(root, 'dist/electron/main.cjs'),
    format: 'cjs',
  });
  // The worker of long jobs: loaded by main.cjs from beside it, never importing electron.
  // Packaged, it runs from app.asar.unpacked, where only what electron-builder.yml unpacks is
  // found: pg (plain JavaScript) is bundled in; better-sqlite3 stays outside (native).
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/jobs/worker.ts')],
    outfile: path.join(root, 'dist/electron/jobs-worker.cjs'),
    format: 'cjs',
    external: EXTERNAL.filter((name) => name !== 'pg'),
  });
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/electron/preload.ts')],
    outfile: path.join(root, 'dist/electron/preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
}

export async function ensureCli() {
  if (!isStale(root, 'dist/node/cli.mjs', NODE_SOURCES)) return;
  process.stderr.write('youcheng: building the CLI…\n');
  await bundleCli();
}

export const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

export async function ensureRenderer() {
  if (!isStale(root, 'dist/renderer/index.html', RENDERER_SOURCES)) return;
  process.stderr.write('youcheng: building the renderer…\n');
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
