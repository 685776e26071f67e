import { describe, expect, it } from 'vitest';
import {
  divisionByCode,
  divisionPath,
  isUnder,
  resolveDivision,
  searchDivisions,
} from '../../shared/divisions';
import { pinyin } from 'pinyin-pro';
import { comparePlaceNames, placeKeys } from '../../shared/place-keys';
import { withoutMarks } from '../../shared/text';

const code = (input: string, options?: Parameters<typeof resolveDivision>[1]) => {
  const match = resolveDivision(input, options);
  return match.kind === 'one' ? match.division.code : match.kind;
};

describe('the place directory', () => {
  it.each(['合肥', '合肥市', 'Hefei', 'Hefei City', 'hefei', 'HEFEI CITY'])(
    'knows %j as 合肥市 (340100), a city under 安徽省',
    (input) => {
      expect(code(input)).toBe('340100');
    },
  );

  it('gives each place its level by the rules of GB/T 2260', () => {
    expect(divisionByCode('340000')).toMatchObject({ name: '安徽省', level: 'province' });
    expect(divisionByCode('110000')).toMatchObject({ name: '北京市', level: 'province' });
    expect(divisionByCode('450000')).toMatchObject({ short: '广西', en: 'Guangxi' });
    expect(divisionByCode('420100')).toMatchObject({ name: '武汉市', level: 'city' });
    expect(divisionByCode('422800')).toMatchObject({ short: '恩施', level: 'city' });
    expect(divisionByCode('152500')).toMatchObject({ name: '锡林郭勒盟', level: 'city' });
    expect(divisionByCode('340123')).toMatchObject({ name: '肥西县', level: 'county' });
    expect(divisionByCode('340181')).toMatchObject({ name: '巢湖市', level: 'county' });
    expect(divisionByCode('150502')).toMatchObject({ level: 'county' });
    // A county-level city directly under its province hangs from the province.
    expect(divisionByCode('419001')).toMatchObject({ name: '济源市', parent: '410000' });
    expect(divisionByCode('340100')).toMatchObject({ parent: '340000', en: 'Hefei' });
    expect(divisionPath('340123').map((d) => d.name)).toEqual(['安徽省', '合肥市', '肥西县']);
    expect(isUnder('340123', '340000')).toBe(true);
    expect(isUnder('320100', '340000')).toBe(false);
  });

  it('leaves out placeholders and development zones', () => {
    expect(code('市辖区')).toBe('none');
    expect(code('合肥高新技术产业开发区')).toBe('none');
  });

  it('resolves a shared name inside the jurisdiction first, else reports it ambiguous', () => {
    const chaoyang = resolveDivision('朝阳区');
    expect(chaoyang.kind).toBe('ambiguous');
    expect(code('朝阳区', { within: '110000' })).toBe('110105');
    expect(code('朝阳区', { within: '220000' })).toBe('220104');
    // The full name typed exactly wins over a short name another place shares.
    expect(code('吉林市')).toBe('220200');
    expect(code('吉林省')).toBe('220000');
    expect(code('Jilin', { level: 'province' })).toBe('220000');
    expect(code('Suzhou')).toBe('ambiguous');
    expect(code('Suzhou', { within: '320000' })).toBe('320500');
  });

  it('knows a shared name written with the places above it, in either script', () => {
    expect(code('北京市朝阳区')).toBe('110105');
    expect(code('北京朝阳区')).toBe('110105');
    expect(code('吉林省长春市朝阳区')).toBe('220104');
    expect(code('安徽省肥西县')).toBe('340123');
    expect(code('朝阳区，北京市')).toBe('110105');
    expect(code('Chaoyang District, Beijing')).toBe('110105');
    expect(code('Chaoyang, Changchun')).toBe('220104');
    expect(code('Gulou District, Nanjing')).toBe('320106');
    expect(code('Suzhou, Anhui')).toBe('341300');
    // A place above that is not above it, or a district the directory does not hold: nothing.
    expect(code('上海市朝阳区')).toBe('none');
    expect(code('Chaoyang District, Shanghai')).toBe('none');
    expect(code('合肥市高新区')).toBe('none');
    // Still ambiguous where the place above does not tell them apart.
    expect(code('Chaoyang, Liaoning')).toBe('ambiguous');
  });

  it('offers places for a picker by name, English name and initials', () => {
    expect(searchDivisions('hf').map((d) => d.name)).toContain('合肥市');
    expect(searchDivisions('安徽')[0]?.name).toBe('安徽省');
    expect(searchDivisions('Anhui')[0]?.name).toBe('安徽省');
  });

  it('gives a name without Chinese the keys the pinyin dictionary would', () => {
    for (const name of [
      'Ōsaka',
      'New York',
      'São Paulo',
      'Kraków',
      'Zürich',
      'Москва',
      'Αθήνα',
      'Partner 12',
      "Val-d'Or",
      'Saint-Étienne',
      'Ho Chi Minh',
      '  ',
      '',
    ]) {
      const text = name.normalize('NFC');
      const parts = pinyin(text, {
        toneType: 'none',
        type: 'array',
        nonZh: 'consecutive',
        v: true,
      });
      const words = parts
        .flatMap((p) =>
          withoutMarks(p)
            .toLowerCase()
            .split(/[^a-z0-9]+/),
        )
        .filter((w) => w !== '');
      expect(placeKeys(name), name).toEqual({
        pinyin: words.join(''),
        initials: words.map((w) => w[0]).join(''),
      });
    }
  });

  it('keeps pinyin sort and search keys for any name', () => {
    expect(placeKeys('合肥市')).toEqual({ pinyin: 'hefeishi', initials: 'hfs' });
    expect(placeKeys('Ōsaka')).toEqual({ pinyin: 'osaka', initials: 'o' });
    expect(placeKeys('New York')).toEqual({ pinyin: 'newyork', initials: 'ny' });
    const sorted = ['芜湖市', '合肥市', '安庆市'].sort((a, b) =>
      placeKeys(a).pinyin < placeKeys(b).pinyin ? -1 : 1,
    );
    expect(sorted).toEqual(['安庆市', '合肥市', '芜湖市']);
    expect(['芜湖市', 'Columbus', '合肥市', '安庆市'].sort(comparePlaceNames)).toEqual([
      '安庆市',
      'Columbus',
      '合肥市',
      '芜湖市',
    ]);
  });
});
