import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * electron-builder cannot run here (no Electron download), so its configuration is checked
 * against what `npm run build` produces: every file it packs exists, the native module sits
 * outside the asar, only production dependencies travel, the installers and icons are the
 * ones the issue names.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  npmRebuild: boolean;
  asar: boolean;
  asarUnpack: string[];
  extraMetadata: { main: string };
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  mac: { target: Target[]; icon: string };
  linux: { target: string[]; icon: string };
}
const config = yaml.load(
  readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(path.join(dir, f)).isFile(),
  );
}

/** The packages (not built-in modules, not relative files) a bundle requires, sorted. */
function packagesRequired(bundle: string): string[] {
  const names = [...bundle.matchAll(/require\("([^"]+)"\)/g)]
    .map((m) => m[1] as string)
    .filter((name) => !name.startsWith('.') && !name.startsWith('node:'))
    .map((name) =>
      (name.startsWith('@') ? name.split('/').slice(0, 2) : name.split('/').slice(0, 1)).join('/'),
    )
    .filter((name) => !builtinModules.includes(name));
  return [...new Set(names)].sort();
}

beforeAll(() => {
  // The renderer only when its sources changed (seconds otherwise); the Electron bundles always.
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const m = await import('./scripts/bundle.mjs'); await m.ensureRenderer(); await m.bundleElectron();",
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}, 180_000);

describe('the installers', () => {
  it('are the ones the issue names, under the product name', () => {
    expect(config.appId).toBe('cn.youcheng.registry');
    expect(config.productName).toBe('友城 Youcheng');
    expect(pkg.productName).toBe(config.productName);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.nsis.installerLanguages).toEqual(['zh_CN', 'en_US']);
    const dmg = config.mac.target.find((t) => t.target === 'dmg');
    expect(dmg?.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(pkg.scripts.dist).toMatch(/build.*icons.*electron-builder/);
  });

  it('get their icons from one SVG, generated for every platform', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'yc-icons-'));
    execFileSync(process.execPath, ['scripts/icons.mjs', '--out', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const inBuild = (p: string) =>
      path.join(out, path.relative(config.directories.buildResources, p));
    const png = readFileSync(inBuild(config.mac.icon));
    // A PNG's width and height sit at bytes 16 and 20 of its IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    const ico = readFileSync(inBuild(config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // images 16 to 256 px
    const linux = readdirSync(inBuild(config.linux.icon));
    expect(linux).toEqual(expect.arrayContaining(['16x16.png', '256x256.png', '512x512.png']));
  });
});

describe('what is packed after npm run build', () => {
  it('exists: every pattern of files matches, the entry and the preload are there', () => {
    for (const pattern of config.files.filter((p) => !p.startsWith('!'))) {
      if (pattern.endsWith('/**')) {
        const dir = path.join(ROOT, pattern.slice(0, -3));
        expect(filesUnder(dir).length, pattern).toBeGreaterThan(0);
      } else expect(existsSync(path.join(ROOT, pattern)), pattern).toBe(true);
    }
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(existsSync(path.join(ROOT, pkg.main))).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist/electron/preload.cjs'))).toBe(true);
  });

  it('holds every file the renderer page loads', () => {
    const dir = path.join(ROOT, 'dist/renderer');
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="\/?([^"#?]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(existsSync(path.join(dir, ref)), ref).toBe(true);
  });

  it('ships the sample registry as a resource', () => {
    const samples = config.extraResources.find((r) => r.to === 'samples');
    expect(samples).toBeDefined();
    const csv = filesUnder(path.join(ROOT, samples!.from)).filter((f) => f.endsWith('.csv'));
    expect(csv).toContain('nanjing-ties.csv');
  });

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
  });

  it('unpacks the jobs worker with every package it requires at run time', () => {
    // A worker thread cannot start inside app.asar (main/electron/job-worker.ts), and from
    // app.asar.unpacked it finds only unpacked packages: each one it requires, and theirs.
    expect(config.asarUnpack).toContain('dist/electron/jobs-worker.cjs');
    const worker = readFileSync(path.join(ROOT, 'dist/electron/jobs-worker.cjs'), 'utf8');
    // pg-native: only behind pg's `native` getter, which the registry never reads.
    const required = packagesRequired(worker).filter((name) => name !== 'pg-native');
    expect(required).toEqual(['better-sqlite3']);
    const unpacked = new Set(
      config.asarUnpack
        .map((p) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\/\*\*$/.exec(p)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const manifest = JSON.parse(
        readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { dependencies?: Record<string, string> };
      for (const dep of Object.keys(manifest.dependencies ?? {}))
        // prebuild-install fetches the binary at install time; nothing requires it at run time.
        if (dep !== 'prebuild-install') visit(dep);
    };
    for (const name of required) visit(name);
    for (const name of needed) expect(unpacked.has(name), `${name} must be unpacked`).toBe(true);
  });

  it('ships no dev dependency: what main requires at run time is a production dependency', () => {
    const main = readFileSync(path.join(ROOT, pkg.main), 'utf8');
    const required = new Set(packagesRequired(main));
    expect([...required]).toContain('better-sqlite3');
    for (const name of required) {
      if (name === 'electron') continue; // provided by the runtime itself
      expect(pkg.dependencies[name], `${name} must be a dependency`).toBeDefined();
    }
    // electron-builder packs `dependencies` only; no package is both, and no pattern adds
    // node_modules by hand.
    const both = Object.keys(pkg.dependencies).filter((d) => d in pkg.devDependencies);
    expect(both).toEqual([]);
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(config.files.some((p) => p.includes('node_modules'))).toBe(false);
  });
});
