import { placeKeys } from './place-keys';
import { withoutMarks } from './text';
/**
 * Places the registry probably holds twice, for the Places screen to offer as merges: two
 * localities that are one directory place (the same GB/T 2260 code), and two partners of one
 * country whose names are one name once Unicode, case and diacritics are set aside (Ōsaka,
 * Osaka, OSAKA, or 大阪 with the English name Osaka beside Osaka), one of which is the other's
 * Chinese name or local name in Chinese characters (大阪 beside Osaka with name_zh or the
 * Japanese name_local 大阪), or whose Chinese name read in pinyin is the other's name
 * (新山 beside Xinshan).
 *
 * What it cannot see: 大阪 beside an Osaka that records no name in Chinese characters. The
 * Chinese name of a foreign city is a convention (Xinhua's transliterations, the Japanese
 * kanji), not its pinyin (大阪 is "daban"), and no maintained dataset of world cities with
 * their Chinese names is small and open enough to ship (see the README's Places section).
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

export type DuplicateReason = 'code' | 'spelling' | 'chineseName' | 'pinyin';

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

/** A partner's names as compared, worked out once per partner. */
interface Compared {
  readonly row: PartnerKeyed;
  /** Its names folded (Unicode form, case, diacritics, spaces). */
  readonly folded: Set<string>;
  /** Its names in Chinese characters: its name, Chinese name or local name (Japanese). */
  readonly han: Set<string>;
  /** Those names read in toneless pinyin (大阪 → daban). */
  readonly hanPinyin: Set<string>;
  /** Its names in other scripts, as the same sort key (Xin Shan → xinshan). */
  readonly latinKeys: Set<string>;
}

const HAN = /\p{Script=Han}/u;

function compared(row: PartnerKeyed): Compared {
  const names = [row.name, row.name_zh, row.name_en, row.name_local].filter(
    (n): n is string => !!n,
  );
  const han = new Set(
    [row.name_zh, row.name, row.name_local].filter((n): n is string => !!n && HAN.test(n)),
  );
  const keys = (list: Iterable<string | null>) =>
    new Set(
      [...list]
        .filter((n): n is string => !!n)
        .map((n) => placeKeys(n).pinyin)
        .filter((k) => k !== ''),
    );
  return {
    row,
    folded: spellings(row),
    han,
    hanPinyin: keys(han),
    latinKeys: keys(names.filter((n) => !HAN.test(n))),
  };
}

const meets = (a: Set<string>, b: Set<string>) => [...a].some((n) => b.has(n));

/** Partners of one country that are probably one place, each pair once. */
export function duplicatePartners(rows: readonly PartnerKeyed[]): DuplicatePair[] {
  const byCountry = new Map<string, PartnerKeyed[]>();
  for (const row of rows) byCountry.set(row.country, [...(byCountry.get(row.country) ?? []), row]);
  const pairs: DuplicatePair[] = [];
  for (const group of byCountry.values()) {
    const keyed = group.map(compared);
    for (let i = 0; i < keyed.length; i++) {
      for (let j = i + 1; j < keyed.length; j++) {
        const x = keyed[i]!;
        const y = keyed[j]!;
        // One names the other in Chinese; one name in two spellings; a Chinese name of one,
        // read in pinyin, is a Latin name of the other.
        const reason = meets(x.han, y.han)
          ? 'chineseName'
          : meets(x.folded, y.folded)
            ? 'spelling'
            : meets(x.hanPinyin, y.latinKeys) || meets(y.hanPinyin, x.latinKeys)
              ? 'pinyin'
              : null;
        if (reason) pairs.push({ a: x.row.id, b: y.row.id, reason });
      }
    }
  }
  return pairs;
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
