import { withoutMarks } from './text';
/**
 * Places the registry probably holds twice, for the Places screen to offer as merges: two
 * localities that are one directory place (the same GB/T 2260 code), and two partners of one
 * country whose names are one name once Unicode, case and diacritics are set aside (Ōsaka,
 * Osaka, OSAKA), or one of which is the other's Chinese name (大阪 beside Osaka with name_zh 大阪).
 * Pure, so the same rule can be tested without a registry.
 */

export interface PlaceNames {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
}

export interface LocalityKeyed extends PlaceNames {
  readonly code: string | null;
}

export interface PartnerKeyed extends PlaceNames {
  readonly name_local: string | null;
  readonly country: string;
}

export type DuplicateReason = 'code' | 'spelling' | 'chineseName';

export interface DuplicatePair {
  readonly a: string;
  readonly b: string;
  readonly reason: DuplicateReason;
}

/** A name as compared: NFC, diacritics stripped, case folded, spaces and dots dropped. */
export function foldName(name: string): string {
  return withoutMarks(name)
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[\s.·'’-]+/gu, '');
}

/** Localities sharing a directory code, each pair once, in the order given. */
export function duplicateLocalities(rows: readonly LocalityKeyed[]): DuplicatePair[] {
  const byCode = new Map<string, LocalityKeyed[]>();
  for (const row of rows) {
    if (row.code === null) continue;
    byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  }
  const pairs: DuplicatePair[] = [];
  for (const group of byCode.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        pairs.push({ a: group[i]!.id, b: group[j]!.id, reason: 'code' });
  return pairs;
}

function spellings(row: PartnerKeyed): Set<string> {
  const out = new Set<string>();
  for (const n of [row.name, row.name_en, row.name_local]) if (n) out.add(foldName(n));
  return out;
}

/** Partners of one country that are probably one place, each pair once. */
export function duplicatePartners(rows: readonly PartnerKeyed[]): DuplicatePair[] {
  const byCountry = new Map<string, PartnerKeyed[]>();
  for (const row of rows) byCountry.set(row.country, [...(byCountry.get(row.country) ?? []), row]);
  const pairs: DuplicatePair[] = [];
  for (const group of byCountry.values()) {
    const keyed = group.map((row) => ({ row, folded: spellings(row) }));
    for (let i = 0; i < keyed.length; i++) {
      for (let j = i + 1; j < keyed.length; j++) {
        const x = keyed[i]!;
        const y = keyed[j]!;
        const reason = sameChineseName(x.row, y.row)
          ? 'chineseName'
          : [...x.folded].some((n) => y.folded.has(n))
            ? 'spelling'
            : null;
        if (reason) pairs.push({ a: x.row.id, b: y.row.id, reason });
      }
    }
  }
  return pairs;
}

/** One names the other in Chinese: its name or Chinese name is the other's Chinese name. */
function sameChineseName(x: PartnerKeyed, y: PartnerKeyed): boolean {
  const zh = (row: PartnerKeyed) =>
    new Set([row.name_zh, row.name].filter((n): n is string => !!n && /\p{Script=Han}/u.test(n)));
  const a = zh(x);
  return [...zh(y)].some((n) => a.has(n));
}

/** Whether a place matches a search box: any of its names, folded as duplicates are. */
export function matchesPlace(
  query: string,
  names: readonly (string | null | undefined)[],
): boolean {
  const q = foldName(query.trim());
  if (q === '') return true;
  return names.some((n) => !!n && foldName(n).includes(q));
}
