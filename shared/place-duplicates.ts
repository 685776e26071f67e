import { japanPlaces } from './japan-places';
import { placeKeys } from './place-keys';
import { withoutMarks } from './text';
/**
 * Places the registry probably holds twice, for the Places screen to offer as merges: two
 * localities that are one directory place (the same GB/T 2260 code), and two partners of one
 * country that are one name in another script or spelling.
 *
 * Two partners' names are compared as keys (the rules, each tested in
 * test/unit/place-duplicates.test.ts):
 * - **Chinese characters** (a name wholly in Han script: the name, Chinese name or Japanese
 *   local name): NFKC, then folded to one form by the `HanFold` main passes in (traditional and
 *   Japanese shinjitai to simplified, 長崎 = 长崎; main/places/han-variants.ts, kept out of the
 *   renderer for its dictionaries), a kana ヶ between them (茅ヶ崎 = 茅崎) and a final 市 (city)
 *   dropped: 大阪市 = 大阪. 府, 県/县, 郡 and 区 stay: a prefecture, county or ward is not
 *   its city.
 * - **Latin names** (`romanKeys`): Unicode form, case, diacritics (Ōsaka, Ôsaka), spaces,
 *   hyphens, dots and apostrophes set aside; ß, ø, æ, œ, ł, đ spelled out; a German umlaut also
 *   as its e-spelling (Köln = Koeln, Köln = Koln); "City of X" and "X City" are X; in Japan
 *   "X-shi" is X, a long vowel's spellings are one (Oosaka, Ohsaka, Kyouto, Tookyoo) and
 *   "X-ken", "X-fu" and "X Prefecture" are one prefecture, never the city X; in the Republic of
 *   Korea "X-si" is X, "X-gun" (a county) stays itself.
 * - **Pinyin**: a Chinese name read in pinyin against the other's Latin keys (新山, Xin Shan).
 * - **Japanese reading** (partners of Japan only): a partner recorded in kanji and in no Latin
 *   letters is read by the table of Japan's prefectures and municipalities (japan-places.ts:
 *   大阪市 osaka shi, 横浜市 yokohama shi, 大阪府 osaka fu), its kanji keyed as above (so 大阪,
 *   大阪市 and the simplified 横滨 find 大阪市 and 横浜市) and its reading as `romanKeys` (the
 *   city's shi dropped, the prefecture's fu or ken kept), against the Latin keys of a partner
 *   with no name in Chinese characters: 大阪 and Osaka, 大阪市 and Ōsaka, 長崎県 and
 *   Nagasaki-ken, never 大阪府 and Osaka. A kanji name several places bear (府中市 in Tokyo and
 *   in Hiroshima) has all their readings; a town or village keeps its suffix (箱根町 is
 *   Hakone-machi). Other countries' kanji are not read: the Chinese name of a foreign city is
 *   a convention (Xinhua's transliterations), not its pinyin (大阪 is "daban"), and no dataset
 *   of world cities with their Chinese names is small and open enough to ship.
 *
 * A pair is suggested when a key of one meets a key of the other, unless both record a name in
 * Chinese characters and no two of those are one: 朝阳 and 潮阳 (both "Chaoyang"), 大野 and
 * 小野 (both "Ono"), 長崎県 and 長崎 are different places whatever their Latin spelling says.
 * A suggestion is only that: nothing merges until the user confirms it.
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

/**
 * `variant` is `chineseName` met only once variant characters are folded (長崎, 长崎), so the
 * screen can say why two differently written names are offered; `japaneseReading` is a kanji
 * name read by the table of Japanese places (大阪, Osaka).
 */
export type DuplicateReason =
  'code' | 'spelling' | 'chineseName' | 'variant' | 'pinyin' | 'japaneseReading';

export interface DuplicatePair {
  readonly a: string;
  readonly b: string;
  readonly reason: DuplicateReason;
}

/**
 * A name in Chinese characters in one form, for a partner of the given country (ISO alpha-2).
 * Main's folds variants; without one, names are compared as written (after NFKC).
 */
export type HanFold = (name: string, country: string) => string;

/** A name as the search box compares it: NFC, diacritics stripped, case folded, spaces and dots dropped. */
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

/** Letters NFKD does not take apart, as their languages spell them in ASCII. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  þ: 'th',
};
const UMLAUT: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };
/** What sets words apart in a name, and is no part of it: spaces, dots, dashes, apostrophes. */
const SEPARATORS = /[\s.·'’‘`\p{Pd}]+/gu;

/**
 * A name not in Chinese characters as duplicates compare it (see the rules above): its keys,
 * one, or two for a German umlaut (Köln: `koln`, `koeln`). `country` is ISO alpha-2: the
 * Japanese and Korean rules apply to partners of Japan and of the Republic of Korea only.
 */
export function romanKeys(name: string, country: string): string[] {
  const lower = name.normalize('NFC').toLocaleLowerCase('en');
  const spellings = /[äöü]/u.test(lower)
    ? [lower, lower.replace(/[äöü]/gu, (c) => UMLAUT[c] ?? c)]
    : [lower];
  return [...new Set(spellings.map((s) => romanKey(s, country)).filter((k) => k !== ''))];
}

function romanKey(lower: string, country: string): string {
  let words = withoutMarks(lower)
    .replace(/[ßøæœłđıþ]/gu, (c) => SPELLED[c] ?? c)
    .replace(SEPARATORS, ' ')
    .trim()
    .replace(/^city of (?=\S)/u, '')
    .replace(/(?<=\S) city$/u, '');
  if (country === 'JP')
    words = words
      .replace(/(?<=\S) shi$/u, '')
      // One prefecture however it is written, and never the city of its name.
      .replace(/(?<=\S) (?:ken|fu|prefecture)$/u, ' ken');
  if (country === 'KR') words = words.replace(/(?<=\S) si$/u, '');
  const key = words.replace(/ /gu, '');
  // Hepburn's long vowels: ō and ô (their marks already gone), oo, ou, oh before a consonant,
  // ū and uu are one vowel. Only for Japan: elsewhere "ou" and "oo" are letters of their own.
  return country === 'JP'
    ? key
        .replace(/oh(?![aeiouy])/gu, 'o')
        .replace(/o[ou]+/gu, 'o')
        .replace(/uu+/gu, 'u')
    : key;
}

/** Wholly in Chinese characters (々 is one), once spaces and middle dots are set aside. */
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAN = /\p{Script=Han}/u;

/** A name in Chinese characters as duplicates compare it, or null for a name in another script. */
export function hanKey(name: string, country: string, fold: HanFold = asWritten): string | null {
  const text = name
    .normalize('NFKC')
    .replace(/[\s·・]+/gu, '')
    // The kana ヶ of 茅ヶ崎 and 関ヶ原 is no character of their Chinese names (茅崎, 关原).
    .replace(/(?<=\p{Script=Han})[ヶケ](?=\p{Script=Han})/gu, '');
  if (!HAN_ONLY.test(text)) return null;
  const folded = fold(text, country);
  // 大阪市 is 大阪; 大阪府 (the prefecture) stays itself.
  return folded.length > 1 && folded.endsWith('市') ? folded.slice(0, -1) : folded;
}

const asWritten: HanFold = (name) => name;

/** The table's readings as `romanKeys`, worked out once: they do not depend on the fold. */
let readingKeys: readonly { readonly name: string; readonly keys: readonly string[] }[] | null =
  null;

/** The Japanese readings of a kanji key, per fold (main keeps one fold for its lifetime). */
const readingsByFold = new WeakMap<HanFold, ReadonlyMap<string, readonly string[]>>();

/**
 * The table of Japanese places keyed as `hanKey` keys a partner's name with this fold: the
 * table is in Japanese forms (横浜市), the registry may hold the simplified 横滨, and both
 * meet once folded alike. A kanji key several places share has all their readings.
 */
export function japaneseReadings(
  fold: HanFold = asWritten,
): ReadonlyMap<string, readonly string[]> {
  const known = readingsByFold.get(fold);
  if (known) return known;
  readingKeys ??= japanPlaces().map((p) => ({ name: p.name, keys: romanKeys(p.reading, 'JP') }));
  const index = new Map<string, string[]>();
  for (const { name, keys } of readingKeys) {
    const key = hanKey(name, 'JP', fold);
    if (key === null) continue;
    const list = index.get(key);
    if (!list) index.set(key, [...keys]);
    else for (const k of keys) if (!list.includes(k)) list.push(k);
  }
  readingsByFold.set(fold, index);
  return index;
}

const LATIN = /\p{Script=Latin}/u;

/** A partner's names as compared, worked out once per partner. */
interface Compared {
  readonly row: PartnerKeyed;
  /** Its names in Chinese characters (name, Chinese name, local name), variants folded. */
  readonly han: ReadonlySet<string>;
  /** The same, as written: whether two met only once their variants were folded. */
  readonly hanAsWritten: ReadonlySet<string>;
  /** Its names in other scripts, as `romanKeys`. */
  readonly spelled: ReadonlySet<string>;
  /** Its Chinese names read in toneless pinyin, as `romanKeys` (新山 → xinshan). */
  readonly pinyin: ReadonlySet<string>;
  /**
   * For a partner of Japan named in kanji and in no Latin letters, the Japanese readings of its
   * kanji, as `romanKeys` (大阪 → osaka); empty for any other.
   */
  readonly readings: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

function compared(
  row: PartnerKeyed,
  fold: HanFold,
  readings: ReadonlyMap<string, readonly string[]> | null,
): Compared {
  const names = [row.name, row.name_zh, row.name_en, row.name_local].filter(
    (n): n is string => !!n,
  );
  const keys = (of: (n: string) => string | null) =>
    new Set(names.map(of).filter((k): k is string => k !== null && k !== ''));
  const han = keys((n) => hanKey(n, row.country, fold));
  return {
    row,
    han,
    hanAsWritten: keys((n) => hanKey(n, row.country)),
    spelled: new Set(names.filter((n) => !HAN.test(n)).flatMap((n) => romanKeys(n, row.country))),
    pinyin: new Set([...han].flatMap((k) => romanKeys(placeKeys(k).pinyin, row.country))),
    readings: readings && han.size > 0 ? readingsOf(han, names, readings) : NONE,
  };
}

/** The readings of a partner's kanji names, if it records no name in Latin letters. */
function readingsOf(
  han: ReadonlySet<string>,
  names: readonly string[],
  table: ReadonlyMap<string, readonly string[]>,
): ReadonlySet<string> {
  const found = [...han].flatMap((k) => table.get(k) ?? []);
  return found.length === 0 || names.some((n) => LATIN.test(n)) ? NONE : new Set(found);
}

const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((n) => b.has(n));

/** Why two partners of one country are probably one place, or null. */
function reasonOf(x: Compared, y: Compared): DuplicateReason | null {
  // Two names in Chinese characters that are not one: two places, however they are spelled.
  if (x.han.size > 0 && y.han.size > 0) {
    if (!meets(x.han, y.han)) return null;
    return meets(x.hanAsWritten, y.hanAsWritten) ? 'chineseName' : 'variant';
  }
  if (meets(x.spelled, y.spelled)) return 'spelling';
  if (meets(x.pinyin, y.spelled) || meets(y.pinyin, x.spelled)) return 'pinyin';
  // Only one of the two has readings (the other has no name in Chinese characters).
  if (meets(x.readings, y.spelled) || meets(y.readings, x.spelled)) return 'japaneseReading';
  return null;
}

/**
 * Partners of one country that are probably one place, each pair once, in the order given.
 * Pairs come from an index of their keys, not from comparing every two partners: 10,000
 * partners of one country are 50 million pairs, and only the few sharing a key are looked at.
 */
export function duplicatePartners(
  rows: readonly PartnerKeyed[],
  fold: HanFold = asWritten,
): DuplicatePair[] {
  const byCountry = new Map<string, PartnerKeyed[]>();
  for (const row of rows) {
    const group = byCountry.get(row.country);
    if (group) group.push(row);
    else byCountry.set(row.country, [row]);
  }
  const pairs: DuplicatePair[] = [];
  for (const [country, group] of byCountry) {
    const readings = country === 'JP' ? japaneseReadings(fold) : null;
    const keyed = group.map((row) => compared(row, fold, readings));
    const n = keyed.length;
    const holders = (pick: (c: Compared) => ReadonlySet<string>) => {
      const out = new Map<string, number[]>();
      keyed.forEach((c, i) => {
        for (const k of pick(c)) {
          const list = out.get(k);
          if (list) list.push(i);
          else out.set(k, [i]);
        }
      });
      return out;
    };
    const candidates = new Set<number>();
    const pair = (i: number, j: number) => {
      if (i !== j) candidates.add(Math.min(i, j) * n + Math.max(i, j));
    };
    const spelled = holders((c) => c.spelled);
    for (const list of [...holders((c) => c.han).values(), ...spelled.values()])
      for (let p = 0; p < list.length; p++)
        for (let q = p + 1; q < list.length; q++) pair(list[p]!, list[q]!);
    keyed.forEach((c, i) => {
      for (const k of c.pinyin) for (const j of spelled.get(k) ?? []) pair(i, j);
      for (const k of c.readings) for (const j of spelled.get(k) ?? []) pair(i, j);
    });
    for (const code of [...candidates].sort((u, v) => u - v)) {
      const [x, y] = [keyed[Math.floor(code / n)]!, keyed[code % n]!];
      const reason = reasonOf(x, y);
      if (reason) pairs.push({ a: x.row.id, b: y.row.id, reason });
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
