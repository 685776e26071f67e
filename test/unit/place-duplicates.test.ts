import { describe, expect, it } from 'vitest';
import { hanVariantFold } from '../../main/places/han-variants';
import {
  duplicateLocalities,
  duplicatePartners,
  foldName,
  hanKey,
  japaneseReadings,
  matchesPlace,
  romanKeys,
} from '../../shared/place-duplicates';

const partner = (
  id: string,
  name: string,
  more: Partial<{ zh: string; en: string; local: string; country: string }> = {},
) => ({
  id,
  name,
  name_zh: more.zh ?? null,
  name_en: more.en ?? null,
  name_local: more.local ?? null,
  country: more.country ?? 'JP',
  // How a table test names the row.
  toString: () =>
    [name, more.zh, more.local].filter(Boolean).join('/') + ` (${more.country ?? 'JP'})`,
});

describe('suggested duplicates', () => {
  it('folds Unicode form, case and diacritics', () => {
    expect(foldName('Ōsaka')).toBe('osaka');
    expect(foldName('O\u0304saka')).toBe('osaka');
    expect(foldName('OSAKA')).toBe('osaka');
    expect(foldName('Café')).toBe(foldName('Cafe\u0301'));
    expect(foldName('São Paulo')).toBe('saopaulo');
  });

  it('pairs partners of one country by spelling or Chinese name, never across countries', () => {
    const pairs = duplicatePartners([
      partner('1', 'Osaka', { zh: '大阪' }),
      partner('2', 'Ōsaka'),
      partner('3', '大阪'),
      partner('4', 'Kobe'),
      partner('5', 'Osaka', { country: 'US' }),
    ]);
    expect(pairs).toEqual([
      { a: '1', b: '2', reason: 'spelling' },
      { a: '1', b: '3', reason: 'chineseName' },
      { a: '2', b: '3', reason: 'japaneseReading' },
    ]);
  });

  it('pairs 大阪 and Osaka by what either row records, and says exactly what it cannot see', () => {
    const reason = (x: ReturnType<typeof partner>, y: ReturnType<typeof partner>) =>
      duplicatePartners([x, y])[0]?.reason ?? null;
    // The English name recorded on the Chinese row.
    expect(reason(partner('1', '大阪', { en: 'Osaka' }), partner('2', 'Ōsaka'))).toBe('spelling');
    // The Chinese name recorded on the Latin row.
    expect(reason(partner('1', '大阪'), partner('2', 'Osaka', { zh: '大阪' }))).toBe('chineseName');
    // The Japanese local name in kanji, where it is the Chinese name.
    expect(reason(partner('1', '大阪'), partner('2', 'Osaka', { local: '大阪' }))).toBe(
      'chineseName',
    );
    // A Chinese name whose pinyin is the other's name (a place named in Chinese, as in
    // Singapore or Malaysia, or a partner typed in pinyin).
    expect(
      reason(partner('1', '新山', { country: 'MY' }), partner('2', 'Xin Shan', { country: 'MY' })),
    ).toBe('pinyin');
    // Neither row records the other's name: in Japan, 大阪 is read by the table of Japanese
    // places; elsewhere 大阪 reads "daban", not Osaka, and nothing pairs them.
    expect(reason(partner('1', '大阪'), partner('2', 'Osaka'))).toBe('japaneseReading');
    expect(
      reason(partner('1', '大阪', { country: 'US' }), partner('2', 'Osaka', { country: 'US' })),
    ).toBeNull();
    expect(
      reason(partner('1', '首尔', { country: 'KR' }), partner('2', 'Seoul', { country: 'KR' })),
    ).toBeNull();
    // Without main's variant fold, a kanji form that differs from the simplified one (長崎,
    // 长崎) is another name, and two different Chinese names are two places.
    expect(reason(partner('1', '长崎'), partner('2', 'Nagasaki', { local: '長崎' }))).toBeNull();
  });

  it('pairs localities by directory code only', () => {
    const row = (id: string, name: string, code: string | null) => ({
      id,
      name,
      name_zh: null,
      name_en: null,
      code,
    });
    expect(
      duplicateLocalities([
        row('1', '合肥市', '340100'),
        row('2', 'Hefei', '340100'),
        row('3', '芜湖市', '340200'),
        row('4', '甲镇', null),
        row('5', '乙镇', null),
      ]),
    ).toEqual([{ a: '1', b: '2', reason: 'code' }]);
  });

  it('the search box finds a place by any name, whatever its accents', () => {
    expect(matchesPlace('osaka', ['Ōsaka', null])).toBe(true);
    expect(matchesPlace('大阪', ['Osaka', '大阪'])).toBe(true);
    expect(matchesPlace('kobe', ['Osaka', '大阪'])).toBe(false);
    expect(matchesPlace('  ', ['Osaka'])).toBe(true);
  });
});

const fold = hanVariantFold();

describe('the keys names are compared by', () => {
  it.each([
    ['Ōsaka', 'osaka'],
    ['Ôsaka', 'osaka'],
    ['Oosaka', 'osaka'],
    ['Ohsaka', 'osaka'],
    ['OSAKA', 'osaka'],
    ['Osaka-shi', 'osaka'],
    ['Osaka Shi', 'osaka'],
    ['Osaka City', 'osaka'],
    ['City of Osaka', 'osaka'],
    ['Kyōto', 'kyoto'],
    ['Kyouto', 'kyoto'],
    ['Tōkyō', 'tokyo'],
    ['Toukyou', 'tokyo'],
    ['Tookyoo', 'tokyo'],
    ['Yokohama', 'yokohama'],
    ['Kōchi', 'kochi'],
    ['Kouchi', 'kochi'],
    ['Nagasaki-ken', 'nagasakiken'],
    ['Nagasaki Prefecture', 'nagasakiken'],
    ['Osaka-fu', 'osakaken'],
    ['Osaka Prefecture', 'osakaken'],
  ])('in Japan %s is %s', (name, key) => {
    expect(romanKeys(name, 'JP')).toEqual([key]);
  });

  it('drops -si in the Republic of Korea and keeps -gun, a county', () => {
    expect(romanKeys('Suwon-si', 'KR')).toEqual(['suwon']);
    expect(romanKeys('Suwon City', 'KR')).toEqual(['suwon']);
    expect(romanKeys('Yangpyeong-gun', 'KR')).toEqual(['yangpyeonggun']);
  });

  it('keeps the Japanese and Korean rules to their countries', () => {
    // "ou" is a letter pair of its own in French; "-si" and "-shi" are no suffix elsewhere.
    expect(romanKeys('Toulouse', 'FR')).toEqual(['toulouse']);
    expect(romanKeys('Toulouse', 'JP')).toEqual(['tolose']);
    expect(romanKeys('Osaka-shi', 'US')).toEqual(['osakashi']);
    expect(romanKeys('Suwon-si', 'JP')).toEqual(['suwonsi']);
  });

  it('spells out umlauts both ways, and letters NFKD keeps whole', () => {
    expect(romanKeys('Köln', 'DE')).toEqual(['koln', 'koeln']);
    expect(romanKeys('Koeln', 'DE')).toEqual(['koeln']);
    expect(romanKeys('Düsseldorf', 'DE')).toEqual(['dusseldorf', 'duesseldorf']);
    expect(romanKeys('Gießen', 'DE')).toEqual(['giessen']);
    expect(romanKeys('Ålesund', 'NO')).toEqual(['alesund']);
    expect(romanKeys('Tromsø', 'NO')).toEqual(['tromso']);
    expect(romanKeys('Łódź', 'PL')).toEqual(['lodz']);
    expect(romanKeys('Saint-Étienne', 'FR')).toEqual(['saintetienne']);
    expect(romanKeys('Cafe\u0301', 'FR')).toEqual(romanKeys('Café', 'FR'));
  });

  it('leaves a name that is only its suffix alone', () => {
    expect(romanKeys('City', 'US')).toEqual(['city']);
    expect(romanKeys('Shi', 'JP')).toEqual(['shi']);
  });

  it('folds names in Chinese characters to simplified, and drops a final 市', () => {
    expect(hanKey('長崎', 'JP', fold)).toBe('长崎');
    expect(hanKey('長崎市', 'JP', fold)).toBe('长崎');
    expect(hanKey('長崎県', 'JP', fold)).toBe('长崎县');
    expect(hanKey('横浜', 'JP', fold)).toBe('横滨');
    expect(hanKey('沖縄', 'JP', fold)).toBe('冲绳');
    expect(hanKey('廣島', 'JP', fold)).toBe('广岛');
    expect(hanKey('大阪府', 'JP', fold)).toBe('大阪府');
    expect(hanKey('慶州', 'KR', fold)).toBe('庆州');
    expect(hanKey('茅ヶ崎市', 'JP', fold)).toBe('茅崎');
    expect(hanKey('関ケ原', 'JP', fold)).toBe('关原');
    expect(hanKey('佐々木', 'JP', fold)).toBe('佐々木');
    // Without the fold, as written (NFKC: a compatibility ideograph is its unified form).
    expect(hanKey('長崎', 'JP')).toBe('長崎');
    expect(hanKey('\uf9dc', 'JP')).toBe('\u9686');
    // Not wholly Chinese characters: not a Chinese name.
    expect(hanKey('さいたま市', 'JP', fold)).toBeNull();
    expect(hanKey('Osaka', 'JP', fold)).toBeNull();
    expect(hanKey('市', 'JP', fold)).toBe('市');
  });
});

describe('suggested duplicates, in another script or spelling', () => {
  const suggested = (x: ReturnType<typeof partner>, y: ReturnType<typeof partner>): string | null =>
    duplicatePartners([x, y], fold)[0]?.reason ?? null;
  const jp = (name: string, more: Parameters<typeof partner>[2] = {}) =>
    partner(name, name, { country: 'JP', ...more });

  it.each([
    [jp('長崎'), jp('长崎'), 'variant'],
    [jp('長崎市'), jp('长崎'), 'variant'],
    [jp('Nagasaki', { local: '長崎' }), jp('长崎'), 'variant'],
    [jp('横浜'), jp('Yokohama', { zh: '横滨' }), 'variant'],
    [jp('大阪'), jp('大阪市'), 'chineseName'],
    [jp('茅ヶ崎市'), jp('Chigasaki', { zh: '茅崎市' }), 'chineseName'],
    [jp('Ōsaka'), jp('Osaka-shi'), 'spelling'],
    [jp('Oosaka'), jp('Osaka City'), 'spelling'],
    [jp('City of Osaka'), jp('Ôsaka'), 'spelling'],
    [jp('Kyōto'), jp('Kyouto'), 'spelling'],
    [jp('Kyoto'), jp('Kyōto-shi'), 'spelling'],
    [jp('Nagasaki-ken'), jp('Nagasaki Prefecture'), 'spelling'],
    [jp('Osaka', { zh: '大阪' }), jp('Ōsaka-shi', { local: '大阪市' }), 'chineseName'],
    [partner('k', 'Köln', { country: 'DE' }), partner('c', 'Koeln', { country: 'DE' }), 'spelling'],
    [partner('k', 'Köln', { country: 'DE' }), partner('c', 'Koln', { country: 'DE' }), 'spelling'],
    [
      partner('s', 'Suwon-si', { country: 'KR' }),
      partner('t', 'Suwon', { country: 'KR' }),
      'spelling',
    ],
    [partner('g', '慶州', { country: 'KR' }), partner('h', '庆州', { country: 'KR' }), 'variant'],
  ] as const)('suggests %s and %s (%s)', (x, y, reason) => {
    expect(suggested(x, y)).toBe(reason);
  });

  it.each([
    // A prefecture is not its city.
    [jp('Nagasaki-ken'), jp('Nagasaki')],
    [jp('Osaka-fu'), jp('Osaka')],
    [jp('長崎県'), jp('長崎市')],
    [jp('Nagasaki', { zh: '长崎' }), jp('Nagasaki-ken', { zh: '长崎县' })],
    [jp('大阪府'), jp('大阪')],
    // Two Chinese names that are not one are two places, whatever their spelling.
    [
      partner('1', '朝阳', { en: 'Chaoyang', country: 'MY' }),
      partner('2', '潮阳', { en: 'Chaoyang', country: 'MY' }),
    ],
    [jp('Ōno', { zh: '大野' }), jp('Ono', { zh: '小野' })],
    // A county is not a city; neither is the place of its name in another country.
    [
      partner('y', 'Yangpyeong-gun', { country: 'KR' }),
      partner('z', 'Yangpyeong', { country: 'KR' }),
    ],
    [jp('Osaka'), partner('u', 'Osaka', { country: 'US' })],
    // Outside Japan 大阪 reads "daban": with no Chinese name on the Latin row, nothing pairs them.
    [partner('o', '大阪', { country: 'KR' }), partner('p', 'Osaka', { country: 'KR' })],
    [jp('Kobe'), jp('Kofu')],
  ] as const)('does not suggest %s and %s', (x, y) => {
    expect(suggested(x, y)).toBeNull();
  });

  it('finds the few pairs among many partners of one country, in the order given', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => jp(`Town ${i}`));
    rows.splice(500, 0, jp('長崎'));
    rows.push(jp('长崎市'), jp('Ōsaka'), jp('Osaka-shi'));
    expect(duplicatePartners(rows, fold)).toEqual([
      { a: '長崎', b: '长崎市', reason: 'variant' },
      { a: 'Ōsaka', b: 'Osaka-shi', reason: 'spelling' },
    ]);
  });
});

describe('suggested duplicates, partners of Japan in kanji read by the table of Japanese places', () => {
  const suggested = (x: ReturnType<typeof partner>, y: ReturnType<typeof partner>): string | null =>
    duplicatePartners([x, y], fold)[0]?.reason ?? null;
  const jp = (name: string, more: Parameters<typeof partner>[2] = {}) =>
    partner(name, name, { country: 'JP', ...more });

  it.each([
    [jp('大阪'), jp('Osaka')],
    [jp('大阪市'), jp('Ōsaka')],
    [jp('大阪市'), jp('Osaka City')],
    [jp('Oosaka'), jp('大阪')],
    // The registry's simplified form and the table's Japanese one, folded alike.
    [jp('横滨'), jp('Yokohama')],
    [jp('横浜'), jp('Yokohama-shi')],
    [jp('横濱'), jp('Yokohama')],
    [jp('長崎'), jp('Nagasaki')],
    [jp('长崎市'), jp('Nagasaki City')],
    [jp('茅ヶ崎市'), jp('Chigasaki')],
    [jp('京都'), jp('Kyōto')],
    [jp('東京'), jp('Tokyo')],
    [jp('北海道'), jp('Hokkaidō')],
    // A prefecture read as a prefecture, a town as a town.
    [jp('長崎県'), jp('Nagasaki-ken')],
    [jp('长崎县'), jp('Nagasaki Prefecture')],
    [jp('大阪府'), jp('Osaka Prefecture')],
    [jp('大阪府'), jp('Osaka-fu')],
    [jp('箱根町'), jp('Hakone-machi')],
    // The Japanese local name in kanji, when the partner records no Latin name.
    [jp('大阪', { local: '大阪市' }), jp('Ōsaka-shi')],
  ] as const)('suggests %s and %s (Japanese reading)', (x, y) => {
    expect(suggested(x, y)).toBe('japaneseReading');
    expect(suggested(y, x)).toBe('japaneseReading');
  });

  it.each([
    // A prefecture is never the city of its name, nor a city its prefecture.
    [jp('長崎県'), jp('Nagasaki')],
    [jp('長崎'), jp('Nagasaki-ken')],
    [jp('大阪府'), jp('Osaka')],
    [jp('大阪府'), jp('Osaka-shi')],
    [jp('大阪市'), jp('Osaka Prefecture')],
    // A town keeps its suffix, as in kanji (箱根町 is not 箱根).
    [jp('箱根町'), jp('Hakone')],
    // Another reading, or another place.
    [jp('大阪'), jp('Kobe')],
    [jp('大阪'), jp('Sakai')],
    // A partner that records a Latin name is compared by it, not by the table.
    [jp('大阪', { en: 'Naniwa' }), jp('Osaka')],
    // Both named in kanji, and not one name: two places, whatever their readings.
    [jp('大野市'), jp('小野市')],
    [jp('大阪'), jp('Osaka', { zh: '大坂' })],
    // The table is Japan's: kanji of another country are not read by it.
    [partner('1', '大阪', { country: 'US' }), partner('2', 'Osaka', { country: 'US' })],
    [partner('1', '横浜', { country: 'KR' }), partner('2', 'Yokohama', { country: 'KR' })],
  ] as const)('does not suggest %s and %s', (x, y) => {
    expect(suggested(x, y)).toBeNull();
    expect(suggested(y, x)).toBeNull();
  });

  it('reads a kanji name several places bear by all their readings (homonyms)', () => {
    // 府中市 is a city of Tokyo and one of Hiroshima, both Fuchū.
    expect(japaneseReadings(fold).get('府中')).toEqual(['fuchu']);
    expect(suggested(jp('府中市'), jp('Fuchū'))).toBe('japaneseReading');
    expect(suggested(jp('府中'), jp('Fuchu-shi'))).toBe('japaneseReading');
    // 府中町, a town of Hiroshima, is Fuchu-cho.
    expect(suggested(jp('府中町'), jp('Fuchu-cho'))).toBe('japaneseReading');
    expect(suggested(jp('府中町'), jp('Fuchu'))).toBeNull();
    // 大野市 and 小野市 are both Ono: each is suggested beside an Ono, never beside the other.
    expect(duplicatePartners([jp('大野市'), jp('小野市'), jp('Ōno'), jp('Kobe')], fold)).toEqual([
      { a: '大野市', b: 'Ōno', reason: 'japaneseReading' },
      { a: '小野市', b: 'Ōno', reason: 'japaneseReading' },
    ]);
  });

  it("reads the table by the fold in use: as written, the simplified 横滨 is not the table's 横浜", () => {
    expect(duplicatePartners([jp('横浜'), jp('Yokohama')])[0]?.reason).toBe('japaneseReading');
    expect(duplicatePartners([jp('横滨'), jp('Yokohama')])).toEqual([]);
    expect(japaneseReadings(fold).get('横滨')).toEqual(['yokohama']);
    expect(japaneseReadings().get('横浜')).toEqual(['yokohama']);
    expect(japaneseReadings(fold).get('大阪府')).toEqual(['osakaken']);
    expect(japaneseReadings(fold).get('大阪')).toEqual(['osaka']);
  });

  it('finds the readings among many partners of Japan, in the order given', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => jp(`Town ${i}`));
    rows.splice(300, 0, jp('大阪'));
    rows.splice(900, 0, jp('Nagasaki-ken'));
    rows.push(jp('Osaka City'), jp('長崎県'), jp('長崎'));
    expect(duplicatePartners(rows, fold)).toEqual([
      { a: '大阪', b: 'Osaka City', reason: 'japaneseReading' },
      { a: 'Nagasaki-ken', b: '長崎県', reason: 'japaneseReading' },
    ]);
  });
});
