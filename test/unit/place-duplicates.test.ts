import { describe, expect, it } from 'vitest';
import {
  duplicateLocalities,
  duplicatePartners,
  foldName,
  matchesPlace,
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
    // Neither row records the other's name: 大阪 reads "daban", not Osaka. Not suggested.
    expect(reason(partner('1', '大阪'), partner('2', 'Osaka'))).toBeNull();
    // Nor is a kanji form that differs from the simplified one (長崎, 长崎).
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
