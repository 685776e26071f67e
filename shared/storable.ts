/**
 * Text every engine can store. PostgreSQL refuses NUL in text and JSON (`invalid byte sequence
 * … 0x00`), and a lone UTF-16 surrogate has no UTF-8 form at all; SQLite would keep either, and
 * the registry would then fail to migrate as a whole. So both are refused where text comes in,
 * on every engine, and a copy names any row that still holds one.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` holds a NUL or a lone surrogate. */
export function isUnstorable(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/** The first string in `value` (any depth of arrays and objects, keys too) that is unstorable. */
export function firstUnstorable(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return isUnstorable(value) ? value : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (isUnstorable(key)) return key;
    const found = firstUnstorable(item, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
