#!/usr/bin/env node
// The `youcheng` command: rebuilds the bundled CLI when its sources changed (reporting on
// stderr), then runs it. Standard output carries only results.
import { ensureCli, ensureRenderer, root } from '../scripts/bundle.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
try {
  await ensureCli();
  if (args[0] === 'serve' && !args.includes('--help') && !args.includes('-h'))
    await ensureRenderer();
} catch (error) {
  process.stderr.write(
    `youcheng: build failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
}
const { main } = await import(pathToFileURL(path.join(root, 'dist/node/cli.mjs')).href);
process.exitCode = await main(args);
