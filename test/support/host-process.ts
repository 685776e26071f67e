/**
 * A browser host in its own process on a registry file, for tests of several writers:
 * `node host-process.mjs FILE STATIC_DIR` prints its URL (with the token) on one line.
 */
import { startHost } from '../../main/host/server';
import { openRegistry } from '../../main/registry';

const [file, staticDir] = process.argv.slice(2);
const registry = await openRegistry({ file: file as string, host: 'browser', backups: 'off' });
const host = await startHost({ door: registry.door, staticDir: staticDir as string });
process.stdout.write(`${host.url}\n`);
process.on('SIGTERM', () => {
  void host.close().then(() => registry.close().then(() => process.exit(0)));
});
