import { hasCjk, withoutMarks } from './text';
import { DIVISIONS } from './divisions.data';
import type { Level } from './enums';

/**
 * The place directory: China's administrative divisions (GB/T 2260 codes), generated into
 * `divisions.data.ts` by `scripts/divisions.mjs`. A locality named in any script or spelling
 * (合肥, 合肥市, Hefei, "Hefei City") is one place with its code, level and parent.
 */
export interface Division {
  readonly code: string;
  readonly name: string;
  readonly short: string;
  readonly en: string;
  readonly level: Level;
  readonly parent: string | null;
  /** The pinyin initials of the short name: hf for 合肥. */
  readonly initials: string;
}

export type DivisionMatch =
  | { readonly kind: 'one'; readonly division: Division }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Division[] }
  | { readonly kind: 'none' };

const LEVELS: Record<string, Level> = { p: 'province', c: 'city', x: 'county' };

/** English words a ledger puts after a name, and the level each one says. */
const EN_SUFFIX =
  /\s+(city|municipality|province|autonomous region|autonomous prefecture|prefecture|league|county|district|banner)$/i;
const SUFFIX_LEVEL: Record<string, Level> = {
  city: 'city',
  municipality: 'province',
  province: 'province',
  'autonomous region': 'province',
  'autonomous prefecture': 'city',
  prefecture: 'city',
  league: 'city',
  county: 'county',
  district: 'county',
  banner: 'county',
};

function fold(text: string): string {
  return withoutMarks(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’·.-]/g, '');
}

let table: { byCode: Map<string, Division>; byKey: Map<string, Division[]> } | null = null;

function tables(): NonNullable<typeof table> {
  if (table) return table;
  const byCode = new Map<string, Division>();
  const byKey = new Map<string, Division[]>();
  for (const line of DIVISIONS.split('\n')) {
    const [code = '', name = '', short = '', en = '', level = '', parent = '', initials = ''] =
      line.split('|');
    const division: Division = {
      code,
      name,
      short,
      en,
      level: LEVELS[level] ?? 'county',
      parent: parent === '' ? null : parent,
      initials,
    };
    byCode.set(code, division);
    for (const key of new Set([fold(name), fold(short), fold(en)])) {
      const list = byKey.get(key);
      if (list) list.push(division);
      else byKey.set(key, [division]);
    }
  }
  table = { byCode, byKey };
  return table;
}

export function divisionByCode(code: string): Division | undefined {
  return tables().byCode.get(code);
}

/** Whether `code` is `ancestor` or lies under it. */
export function isUnder(code: string, ancestor: string): boolean {
  for (let cursor: string | null = code; cursor; cursor = divisionByCode(cursor)?.parent ?? null)
    if (cursor === ancestor) return true;
  return false;
}

/** The place with its ancestors, highest first: 安徽省 › 合肥市 › 肥西县. */
export function divisionPath(code: string): Division[] {
  const out: Division[] = [];
  for (let d = divisionByCode(code); d; d = d.parent ? divisionByCode(d.parent) : undefined)
    out.unshift(d);
  return out;
}

/** The places one name (without its province or city) may mean, and the level it says. */
function byName(input: string): { candidates: Division[]; level: Level | undefined } {
  const { byKey } = tables();
  const candidates = byKey.get(fold(input)) ?? [];
  const suffix = EN_SUFFIX.exec(input.trim());
  if (candidates.length > 0 || !suffix) return { candidates, level: undefined };
  return {
    candidates: byKey.get(fold(input.trim().slice(0, suffix.index))) ?? [],
    level: SUFFIX_LEVEL[(suffix[1] ?? '').toLowerCase()],
  };
}

/** Whether `text` is one of a place's names (合肥市, 合肥, Hefei, "Hefei City"). */
function isNameOf(text: string, division: Division): boolean {
  const key = fold(text.trim().replace(EN_SUFFIX, ''));
  return key !== '' && [division.name, division.short, division.en].some((n) => fold(n) === key);
}

/**
 * A name written with the places above it, as the refusal of a shared name asks for:
 * 北京市朝阳区, 北京朝阳区 or 安徽省合肥市肥西县 (the places above, in order, any of them left
 * out), and "Chaoyang District, Beijing" or "朝阳区，北京市" (the places above after commas).
 */
function byQualifiedName(input: string): Division[] {
  const text = input.trim();
  const parts = text.split(/\s*[,，、]\s*/).filter((p) => p !== '');
  if (parts.length > 1) {
    const [own = '', ...above] = parts;
    const named = byName(own);
    const found = named.candidates.filter((d) => {
      const path = divisionPath(d.code).slice(0, -1);
      return above.every((part) => path.some((up) => isNameOf(part, up)));
    });
    const ofLevel = found.filter((d) => d.level === named.level);
    return ofLevel.length > 0 ? ofLevel : found;
  }
  if (!hasCjk(text)) return [];
  for (let cut = 1; cut < text.length; cut++) {
    const found = (tables().byKey.get(fold(text.slice(cut))) ?? []).filter((d) =>
      prefixNamesAbove(text.slice(0, cut), d),
    );
    if (found.length > 0) return found;
  }
  return [];
}

/** Whether `prefix` is the names of places above `division`, highest first, some left out. */
function prefixNamesAbove(prefix: string, division: Division): boolean {
  let rest = prefix;
  for (let up = division.parent; up && rest !== ''; up = divisionByCode(up)?.parent ?? null) {
    const place = divisionByCode(up);
    if (!place) break;
    const said = [place.name, place.short].find((n) => n !== '' && rest.endsWith(n));
    if (said) rest = rest.slice(0, -said.length);
  }
  return rest === '';
}

/**
 * The place a name means. Several places may share a name (朝阳区 in Beijing and in
 * Changchun): a level (given, or said by "City"/"County" after an English name) narrows them,
 * then the office's jurisdiction; what is left over is reported as ambiguous for the user.
 */
export function resolveDivision(
  input: string,
  options: { readonly within?: string | null; readonly level?: Level | undefined } = {},
): DivisionMatch {
  const named = byName(input);
  let candidates = named.candidates;
  const level = options.level ?? named.level;
  if (candidates.length === 0) candidates = byQualifiedName(input);
  // The full name typed exactly is the place (吉林市, not 吉林省, for 吉林市).
  const exact = candidates.filter((d) => d.name === input.trim());
  if (exact.length > 0) candidates = exact;
  const narrow = (keep: (d: Division) => boolean) => {
    const kept = candidates.filter(keep);
    if (kept.length > 0) candidates = kept;
  };
  if (level) narrow((d) => d.level === level);
  const within = options.within;
  if (within && candidates.length > 1) narrow((d) => isUnder(d.code, within));
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length === 1) return { kind: 'one', division: candidates[0] as Division };
  return { kind: 'ambiguous', candidates };
}

/**
 * Places for a picker, by the start of any of their names or their pinyin initials, the
 * jurisdiction's own first, then by level.
 */
export function searchDivisions(
  query: string,
  options: { readonly within?: string | null; readonly limit?: number } = {},
): Division[] {
  const key = fold(query);
  if (key === '') return [];
  const out: Division[] = [];
  for (const division of tables().byCode.values()) {
    if (
      fold(division.name).startsWith(key) ||
      fold(division.en).startsWith(key) ||
      division.initials === key
    )
      out.push(division);
  }
  const rank = (d: Division) =>
    (options.within && isUnder(d.code, options.within) ? 0 : 3) +
    ['province', 'city', 'county'].indexOf(d.level);
  return out.sort((a, b) => rank(a) - rank(b)).slice(0, options.limit ?? 20);
}
