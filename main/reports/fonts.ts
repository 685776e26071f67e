import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The report's font, bundled with the app (@fontsource/noto-sans-sc, SIL OFL) so a printed
 * report never depends on the fonts of the machine. The package splits the font into ~100
 * files by `unicode-range`; a document embeds, as data URLs, only the files that hold its
 * characters, so a PDF printed anywhere carries the same glyphs and the HTML stays small.
 */

export const REPORT_FONT = 'Noto Sans SC';
const PACKAGE = '@fontsource/noto-sans-sc';
const WEIGHTS = [400, 700] as const;

interface Face {
  readonly weight: number;
  readonly file: string;
  /** Inclusive code point ranges. */
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * Where the font package is installed. Every host runs this with a CommonJS `require` at hand:
 * the Electron bundle natively, the ESM bundles (CLI, benchmarks) through their createRequire
 * banner, Vitest by injection; it finds the package inside a packaged app's archive too.
 */
function resolvePackage(): string {
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(from ?? '', 16);
    return [a, to === undefined ? a : parseInt(to, 16)];
  });
}

/** The faces of one weight's stylesheet: its woff2 file and its unicode-range. */
export function parseFaces(css: string, weight: number): Face[] {
  const faces: Face[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file && range) faces.push({ weight, file, ranges: parseRanges(range) });
  }
  return faces;
}

let faces: Face[] | null = null;
let root: string | null = null;
const encoded = new Map<string, string>();

function allFaces(): Face[] {
  if (faces) return faces;
  root = resolvePackage();
  const dir = root;
  faces = WEIGHTS.flatMap((w) => parseFaces(readFileSync(path.join(dir, `${w}.css`), 'utf8'), w));
  return faces;
}

function covers(face: Face, cp: number): boolean {
  return face.ranges.some(([a, b]) => cp >= a && cp <= b);
}

/**
 * The faces a browser would use for these characters: where ranges overlap (the package puts
 * ASCII in a Chinese file as well as in its Latin one), the face declared last wins, as CSS
 * Fonts specifies, so each character needs exactly one file per weight.
 */
export function facesFor<F extends Face>(faces: readonly F[], codePoints: readonly number[]): F[] {
  const chosen = new Set<F>();
  for (const weight of new Set(faces.map((f) => f.weight))) {
    const own = faces.filter((f) => f.weight === weight);
    for (const cp of codePoints) {
      for (let i = own.length - 1; i >= 0; i--) {
        const face = own[i] as F;
        if (covers(face, cp)) {
          chosen.add(face);
          break;
        }
      }
    }
  }
  return faces.filter((f) => chosen.has(f));
}

/** The distinct code points of a text, sorted. */
export function codePointsOf(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0) as number);
  return [...set].sort((a, b) => a - b);
}

/**
 * `@font-face` rules, with the font files inlined, for the faces that hold any character of
 * `text`, in both weights the report uses.
 */
export function fontFaceCss(text: string): string {
  return facesFor(allFaces(), codePointsOf(text))
    .map((f) => {
      let data = encoded.get(f.file);
      if (data === undefined) {
        data = readFileSync(path.join(root as string, 'files', f.file)).toString('base64');
        encoded.set(f.file, data);
      }
      const range = f.ranges
        .map(([a, b]) =>
          a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`,
        )
        .join(',');
      return `@font-face{font-family:'${REPORT_FONT}';font-style:normal;font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    })
    .join('\n');
}
