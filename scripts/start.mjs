// `npm start`: build what changed, prepare the Electron-ABI better-sqlite3 on first run, then
// launch Electron. Electron's own binary is fetched by the electron package on first launch;
// on a machine that cannot download it, set ELECTRON_OVERRIDE_DIST_PATH (see README).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleElectron, ensureRenderer, root } from './bundle.mjs';
import { isStale } from './freshness.mjs';
import { prepareElectronNative } from './electron-native.mjs';

await ensureRenderer();
if (isStale(root, 'dist/electron/main.cjs', ['shared', 'db', 'main', 'package.json'])) {
  process.stderr.write('youcheng: building the Electron main process…\n');
  await bundleElectron();
}
let nativeBinding = process.env.YOUCHENG_NATIVE_BINDING;
try {
  nativeBinding ||= prepareElectronNative();
} catch (error) {
  process.stderr.write(`youcheng: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const cli = path.join(root, 'node_modules/electron/cli.js');
const child = spawn(
  process.execPath,
  [cli, path.join(root, 'dist/electron/main.cjs'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, YOUCHENG_NATIVE_BINDING: nativeBinding },
  },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
