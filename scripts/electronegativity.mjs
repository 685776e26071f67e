// Runs @doyensec/electronegativity over the built JavaScript (dist/electron and dist/renderer)
// and fails on any high or medium finding that electronegativity.json does not explain.
// Part of `npm test`, after the build. Offline: its translation download is replaced by the
// strings it ships, and the check that fetches Electron's release list is excluded.
import { transformSync } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// electronegativity is CommonJS, and its translation loader is swapped in CommonJS's cache.
const load = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.dirname(load.resolve('@doyensec/electronegativity/package.json'));
const config = JSON.parse(fs.readFileSync(path.join(root, 'electronegativity.json'), 'utf8'));

// The package fetches its translations from the network before every run; use its own copy.
const i18nPath = path.join(pkg, 'dist', 'locales', 'i18n.js');
const i18n = load(load.resolve('i18n', { paths: [pkg] }));
load.cache[i18nPath] = {
  id: i18nPath,
  filename: i18nPath,
  loaded: true,
  exports: {
    __esModule: true,
    default: async () => {
      i18n.configure({
        locales: ['en-US'],
        defaultLocale: 'en-US',
        directory: path.join(pkg, 'dist', 'locales'),
        updateFiles: false,
        objectNotation: true,
        register: global,
      });
      i18n.setLocale('en-US');
    },
  },
};
const run = load(path.join(pkg, 'dist', 'runner.js'));

/**
 * What it reads: the Electron bundles (as .js: it skips .cjs), with syntax lowered to ES2020
 * since its parser predates class private fields; the renderer as built; package.json.
 */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-electronegativity-'));
  fs.mkdirSync(path.join(dir, 'electron'));
  for (const name of ['main', 'preload']) {
    const source = fs.readFileSync(path.join(root, 'dist', 'electron', `${name}.cjs`), 'utf8');
    const { code } = transformSync(source, { target: 'es2020', format: 'cjs', loader: 'js' });
    fs.writeFileSync(path.join(dir, 'electron', `${name}.js`), code);
  }
  fs.cpSync(path.join(root, 'dist', 'renderer'), path.join(dir, 'renderer'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) {
    process.stderr.write('electronegativity: build first (npm run build)\n');
    return 2;
  }
  const dir = stage();
  try {
    const result = await run({
      input: dir,
      customScan: [],
      excludeFromScan: Object.keys(config.exclude),
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: load(path.join(root, 'node_modules/electron/package.json')).version,
      parserPlugins: [],
    });
    const serious = result.issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name));
    const accepted = (i) =>
      config.accepted.find((a) => a.id === i.id && (a.file ?? i.file) === i.file);
    const unexplained = serious.filter((i) => !accepted(i));
    const stale = config.accepted.filter(
      (a) => !serious.some((i) => i.id === a.id && (a.file ?? i.file) === i.file),
    );
    const parseErrors = result.errors.filter((e) => !e.tolerable);
    const summary = {
      checks: result.globalChecks + result.atomicChecks,
      findings: result.issues.length,
      highOrMedium: serious.length,
      accepted: serious.length - unexplained.length,
      unexplained: unexplained.length,
      parseErrors: parseErrors.length,
    };
    process.stderr.write(`electronegativity: ${JSON.stringify(summary)}\n`);
    for (const i of unexplained)
      process.stderr.write(
        `  unexplained ${i.severity.name} ${i.id} in ${i.file}:${i.location.line}: ${i.description}\n`,
      );
    for (const a of stale)
      process.stderr.write(`  electronegativity.json accepts ${a.id}, which no longer appears\n`);
    for (const e of parseErrors) process.stderr.write(`  could not read ${e.file}: ${e.message}\n`);
    return unexplained.length + stale.length + parseErrors.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`electronegativity: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
