// `npm run icons`: every application icon from ONE source, renderer/icon.svg (the same mark the
// window and the favicon show), into build/ for electron-builder:
//   build/icon.png        1024×1024, macOS (electron-builder turns it into icon.icns)
//   build/icon.ico        16–256 px, Windows (the executable and the NSIS installer)
//   build/icons/NxN.png   the sizes Linux desktops pick from (AppImage, deb)
// Generated at build time (`npm run dist` runs this first), never committed.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pngToIco from 'png-to-ico';
import { root } from './bundle.mjs';

export const ICON_SOURCE = path.join(root, 'renderer/icon.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The source rendered as a square PNG of `size` pixels. */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

export async function makeIcons(outDir = path.join(root, 'build')) {
  const svg = readFileSync(ICON_SOURCE);
  mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  const pngs = new Map(LINUX_SIZES.map((size) => [size, renderPng(svg, size)]));
  for (const [size, png] of pngs)
    writeFileSync(path.join(outDir, 'icons', `${size}x${size}.png`), png);
  writeFileSync(path.join(outDir, 'icon.png'), pngs.get(1024));
  writeFileSync(path.join(outDir, 'icon.ico'), await pngToIco(ICO_SIZES.map((s) => pngs.get(s))));
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--out DIR` writes elsewhere (the packaging test uses a temporary folder).
  const at = process.argv.indexOf('--out');
  const dir = await makeIcons(at > 0 ? path.resolve(process.argv[at + 1]) : undefined);
  process.stderr.write(`youcheng: icons from renderer/icon.svg in ${path.relative(root, dir)}/\n`);
}
