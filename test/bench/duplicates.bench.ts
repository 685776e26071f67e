import { hanVariantFold } from '../../main/places/han-variants';
import { duplicatePartners, type PartnerKeyed } from '../../shared/place-duplicates';
import { median, round, sample, timed, type Bench } from './harness';

/**
 * The Places screen's suggested duplicates over 10,000 partners, as main computes them on each
 * visit: with OpenCC folding variant characters (a fresh fold, so every name is converted, and
 * the service's kept fold, whose names are already converted), against the same rule with names
 * in Chinese characters compared as written, in the same run. Partners of Japan named only in
 * kanji are also read by the table of Japanese places, keyed once per fold (a fresh fold keys
 * its 1,809 names again, the kept one once).
 */

const HAN = [...'長崎横浜大阪広島沖縄鹿児札幌仙台新潟静岡名古屋神戸'];
const SYLLABLES = ['ka', 'ki', 'ta', 'shi', 'na', 'mi', 'ya', 'ma', 'sa', 'ru', 'te', 'be', 'ga'];
const COUNTRIES = ['JP', 'JP', 'JP', 'KR', 'KR', 'US', 'US', 'DE', 'FR', 'IT', 'GB', 'AU'];

/** `n` written in the digits given, four of them: a name no other index has. */
const spell = (n: number, digits: readonly string[]) =>
  [0, 1, 2, 3].map((p) => digits[Math.floor(n / digits.length ** p) % digits.length]).join('');

/**
 * A deterministic registry of distinct partners, a third in Japan and half of Japan's and
 * Korea's named in kanji, where one in fifty is entered a second time in another form: its
 * kanji in simplified characters, or its Latin name with "-shi" or " City".
 */
function partners(count: number): PartnerKeyed[] {
  const rows: PartnerKeyed[] = [];
  for (let i = 0; i < count; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const latin = spell(i, SYLLABLES);
    const han = spell(i, HAN);
    const inKanji = (country === 'JP' || country === 'KR') && i % 2 === 0;
    const row = {
      id: String(i),
      name: inKanji && i % 4 === 0 ? han : `${latin[0]!.toUpperCase()}${latin.slice(1)}`,
      name_zh: null,
      name_en: null,
      name_local: inKanji ? han : null,
      country,
    };
    rows.push(row);
    if (i % 50 === 0)
      rows.push({
        ...row,
        id: `${i}-again`,
        name: inKanji ? han.replace('長', '长').replace('浜', '滨') : `${row.name} City`,
        name_local: null,
      });
  }
  return rows.slice(0, count);
}

export const duplicatesBench: Bench = {
  name: 'duplicates',
  async run() {
    const rows = partners(10_000);
    const first = await timed(() => duplicatePartners(rows, hanVariantFold()));
    const asWritten = await sample(() => duplicatePartners(rows), 15, 3);
    const fresh = await sample(() => duplicatePartners(rows, hanVariantFold()), 15, 3);
    const kept = hanVariantFold();
    const warm = await sample(() => duplicatePartners(rows, kept), 15, 3);
    const baseline = median(asWritten);
    return {
      partners: rows.length,
      pairs: first.value.length,
      firstCallMs: round(first.ms, 1),
      asWrittenMedianMs: round(baseline, 1),
      openccFreshMedianMs: round(median(fresh), 1),
      openccKeptMedianMs: round(median(warm), 1),
      freshRatio: round(median(fresh) / baseline, 2),
      keptRatio: round(median(warm) / baseline, 2),
    };
  },
};
