import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The renderer carries no zod. The contract is validated at main's one door, and the window
 * only needs its types: building every schema of the contract as the bundle loads cost each
 * open of the window about 40 ms before the first screen could start. A pure helper a screen
 * needs lives in a module without schemas (shared/dates, shared/grids, shared/workflow…).
 */
async function inputs(entry: { file: string } | { code: string }): Promise<Metafile['inputs']> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.code, resolveDir: 'renderer', loader: 'ts' } }),
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'out',
    loader: { '.css': 'empty', '.svg': 'empty' },
    logLevel: 'silent',
  });
  return result.metafile.inputs;
}

const isZod = (file: string) => /node_modules\/zod\//.test(file);

/** Each module outside zod that imports it, with who brought that module in. */
function zodPaths(all: Metafile['inputs']): string[] {
  const users = Object.keys(all).filter(
    (f) => !isZod(f) && all[f]!.imports.some((i) => isZod(i.path)),
  );
  return users.map((user) => {
    const by = Object.keys(all).filter((f) => all[f]!.imports.some((i) => i.path === user));
    return `${user} (imported by ${by.join(', ') || 'the entry'})`;
  });
}

describe('the renderer bundle', () => {
  it('holds no zod, through any import', async () => {
    const all = await inputs({ file: 'renderer/main.tsx' });
    // It does reach the shared modules, so an empty answer means something.
    expect(Object.keys(all).filter((f) => f.startsWith('shared/')).length).toBeGreaterThan(10);
    expect(zodPaths(all)).toEqual([]);
  });

  it('names the module that would bring zod in', async () => {
    const all = await inputs({ code: "export { partialDate } from '../shared/schemas';" });
    expect(zodPaths(all)).toContain('shared/schemas.ts (imported by <stdin>)');
  });
});
