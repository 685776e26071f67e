/**
 * One-line names (localities, partners, regions, staff) as they are stored: Unicode NFC, so
 * "Café" typed precomposed or with a combining accent is one name; every kind of space
 * (no-break, ideographic 全角, thin) folded to one ASCII space and trimmed. A name that holds
 * what no one can see or type on one line — a control character, a zero-width character, a
 * direction override — is refused rather than cleaned: it is either a paste gone wrong or an
 * attempt to make two names look the same, and the person should see it.
 */

export type NameProblem = 'control' | 'invisible' | 'bidi' | 'surrogate';

export type NameResult =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly problem: NameProblem;
      readonly code: string;
      readonly shown: string;
    };

/** A UTF-16 surrogate without its pair: JSON allows it, SQLite stores it as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u180E\u061C]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

const CHECKS: readonly [NameProblem, RegExp][] = [
  ['surrogate', LONE_SURROGATE],
  ['control', CONTROL],
  ['bidi', BIDI],
  ['invisible', INVISIBLE],
];

function hex(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** The name with each character refused made visible, for the message: `Osaka⟨U+200B⟩`. */
function shownWith(value: string, pattern: RegExp): string {
  return value.replace(new RegExp(pattern.source, 'g'), (ch) => `⟨U+${hex(ch)}⟩`);
}

export function normaliseName(raw: string): NameResult {
  for (const [problem, pattern] of CHECKS) {
    const found = pattern.exec(raw);
    if (found)
      return { ok: false, problem, code: `U+${hex(found[0])}`, shown: shownWith(raw, pattern) };
  }
  // \s covers tab and line breaks, refused above as controls; what is left are spaces.
  return { ok: true, value: raw.normalize('NFC').replace(SPACES, ' ').trim() };
}

/** The first string anywhere in a value that holds a lone surrogate, with its path. */
export function loneSurrogateIn(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; code: string } | null {
  if (typeof value === 'string') {
    const found = LONE_SURROGATE.exec(value);
    return found ? { path, code: `U+${hex(found[0])}` } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = loneSurrogateIn(value[i], [...path, i]);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const hit = loneSurrogateIn(key, [...path, key]) ?? loneSurrogateIn(item, [...path, key]);
      if (hit) return hit;
    }
  }
  return null;
}
