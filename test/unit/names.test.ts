import { describe, expect, it } from 'vitest';
import { loneSurrogateIn, normaliseName } from '../../shared/names';

describe('one-line names', () => {
  it.each([
    ['Cafe\u0301', 'Café'],
    ['Café', 'Café'],
    ['  南京市  ', '南京市'],
    ['大阪\u3000府', '大阪 府'],
    ['Saint\u00A0Petersburg', 'Saint Petersburg'],
    ['New   York', 'New York'],
    ['Ｎａｇｏｙａ', 'Ｎａｇｏｙａ'],
  ])('stores %j as %j', (raw, stored) => {
    expect(normaliseName(raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['Osaka\u200B', 'invisible', 'U+200B'],
    ['\uFEFFNagoya', 'invisible', 'U+FEFF'],
    ['Na\u200Dgoya', 'invisible', 'U+200D'],
    ['Nagoya\u0000', 'control', 'U+0000'],
    ['Nago\nya', 'control', 'U+000A'],
    ['Nagoya\tJapan', 'control', 'U+0009'],
    ['Nagoya\u0085', 'control', 'U+0085'],
    ['abc\u202Efed', 'bidi', 'U+202E'],
    ['\u2066Perth\u2069', 'bidi', 'U+2066'],
    ['Perth\uD800', 'surrogate', 'U+D800'],
    ['\uDC00Perth', 'surrogate', 'U+DC00'],
  ])('refuses %j (%s, %s)', (raw, problem, code) => {
    const result = normaliseName(raw);
    expect(result).toMatchObject({ ok: false, problem, code });
    if (!result.ok) expect(result.shown).toContain(`⟨${code}⟩`);
  });

  it('keeps a pair of surrogates (a character beyond the BMP)', () => {
    expect(normaliseName('𠮷野家')).toEqual({ ok: true, value: '𠮷野家' });
  });

  it('finds a lone surrogate anywhere in an input, with its path', () => {
    expect(loneSurrogateIn({ patch: { notes: ['ok', 'bad\uD83D'] } })).toEqual({
      path: ['patch', 'notes', 1],
      code: 'U+D83D',
    });
    expect(loneSurrogateIn({ notes: '😀 fine' })).toBeNull();
  });
});
