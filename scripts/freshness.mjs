// Decides whether a build output is older than the sources it comes from, so `npm run cli`
// and `npm run serve` rebuild only when something changed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function newestMtime(root, entries) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') visit(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const e of entries) visit(path.join(root, e));
  return newest;
}

export function isStale(root, output, sources) {
  const out = path.join(root, output);
  if (!existsSync(out)) return true;
  return newestMtime(root, sources) > statSync(out).mtimeMs;
}
