// `npm run build`: the renderer (Vite) and the Node bundles (esbuild) into dist/.
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { bundleCli, bundleElectron, root } from './bundle.mjs';

const started = Date.now();
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
await bundleCli();
await bundleElectron();
process.stderr.write(`youcheng: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
