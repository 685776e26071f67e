/**
 * `node big-registry.mjs FILE TIES VISITS`: writes a registry of that size (see big-registry),
 * for tests whose runner cannot load the app's modules itself (Playwright's).
 */
import { makeBigRegistry } from './big-registry';

const [file, ties, visits] = process.argv.slice(2);
await makeBigRegistry(file as string, { ties: Number(ties), visits: Number(visits) });
