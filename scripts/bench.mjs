// `npm run bench [name…]`: bundles test/bench and runs it in plain Node; prints one JSON
// object, then the same figures as a table.
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCli, root } from './bundle.mjs';

await ensureCli();
const out = path.join(root, '.cache', 'bench', 'index.mjs');
await build({
  entryPoints: [path.join(root, 'test/bench/index.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [
    'better-sqlite3',
    'pg',
    'pg-native',
    'playwright',
    'playwright-core',
    'electron',
    'vite',
    'esbuild',
  ],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
const { runBenches } = await import(pathToFileURL(out).href);
const results = await runBenches(process.argv.slice(2));
process.stdout.write(`${JSON.stringify(results, null, 2)}\n\n`);
const rows = Object.entries(results).flatMap(([bench, metrics]) =>
  Object.entries(metrics).map(([metric, value]) => [bench, metric, String(value)]),
);
const widths = [0, 1, 2].map((i) =>
  Math.max(...rows.map((r) => r[i].length), ['bench', 'metric', 'value'][i].length),
);
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
process.stdout.write(
  `${line(['bench', 'metric', 'value'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`,
);
