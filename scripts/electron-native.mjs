// Prepares a build of better-sqlite3 for Electron's ABI beside (never over) the Node build the
// tests use: a copy of the package is given Electron's prebuilt binary (prebuild-install), or
// compiled against Electron's headers (node-gyp) where no prebuilt exists. The result lands in
// .cache/electron-native/ and Electron loads it through better-sqlite3's `nativeBinding` option.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './bundle.mjs';

export function electronVersion() {
  return JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'))
    .version;
}

export function nativeBindingPath(
  version = electronVersion(),
  platform = process.platform,
  arch = process.arch,
) {
  return path.join(
    root,
    '.cache',
    'electron-native',
    `electron-${version}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

/**
 * npm passes its config to scripts as npm_config_*; a machine-wide `nodedir` (set here so
 * node-gyp builds against Node's own headers) would silently build for Node instead of
 * Electron, so those are removed for the Electron build.
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key))
      delete env[key];
  }
  return env;
}

function run(command, args, cwd) {
  process.stderr.write(`youcheng: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 2, 2],
    env: cleanEnv(),
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

/** A binary for Electron's ABI must refuse to load in plain Node; one that loads is the wrong build. */
function loadsInNode(file) {
  const probe = spawnSync(
    process.execPath,
    ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`],
    { stdio: 'ignore' },
  );
  return probe.status === 0;
}

export function prepareElectronNative({ force = false } = {}) {
  const version = electronVersion();
  const target = nativeBindingPath(version);
  if (existsSync(target) && !force) return target;
  const work = mkdtempSync(path.join(tmpdir(), 'youcheng-native-'));
  const copy = path.join(work, 'better-sqlite3');
  try {
    const source = path.join(root, 'node_modules/better-sqlite3');
    cpSync(source, copy, {
      recursive: true,
      filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`),
    });
    const bin = (name) => path.join(root, 'node_modules/.bin', name);
    const ok =
      run(
        bin('prebuild-install'),
        [
          '--runtime',
          'electron',
          '--target',
          version,
          '--arch',
          process.arch,
          '--platform',
          process.platform,
        ],
        copy,
      ) ||
      run(
        bin('node-gyp'),
        [
          'rebuild',
          '--release',
          `--target=${version}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
          '--runtime=electron',
          `--devdir=${path.join(root, '.cache', 'node-gyp')}`,
        ],
        copy,
      );
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !existsSync(built) || loadsInNode(built)) {
      throw new Error(
        `Could not prepare better-sqlite3 for Electron ${version}: neither a prebuilt binary nor Electron's headers could be fetched. ` +
          'Connect to the network once, or set YOUCHENG_NATIVE_BINDING to a better_sqlite3.node built for this Electron.',
      );
    }
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(built, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
