/**
 * Small pure tests on names as people type them: whether a name is written in Chinese (so it
 * is kept as the Chinese name), and spaces folded the way a ledger's cells need.
 */

/** CJK unified ideographs, extension A and the compatibility block. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * A name as a ledger means it: ideographic (full-width) and no-break spaces are spaces, runs of
 * spaces are one, padding is dropped, and a space between two Chinese characters (`日\u3000本`,
 * typed to line a column up) is no space at all.
 */
export function foldSpaces(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0\ufeff]+/g, ' ')
    .trim()
    .replace(/(?<=[\u3400-\u9fff\uf900-\ufaff]) (?=[\u3400-\u9fff\uf900-\ufaff])/g, '');
}

/**
 * Latin letters without their accents, so Ōsaka, Osaka and a name typed with a combining mark
 * compare alike (compatibility forms decomposed too). Callers fold case and punctuation their
 * own way: a look-up key, a sort key and a duplicate check each keep different characters.
 */
export function withoutMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}
