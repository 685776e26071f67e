import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer is built once and served by the app:// protocol (Electron) or the browser host.
// `cspNonce` marks the tags Vite writes; each load replaces the placeholder with a fresh nonce.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  publicDir: false,
  html: { cspNonce: '__YOUCHENG_NONCE__' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
