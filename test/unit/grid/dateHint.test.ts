import { describe, expect, it } from 'vitest';
import { dateHint } from '../../../renderer/grid/editors/dateHint';

describe('the date editor’s hint', () => {
  it('says how a ledger date will be read', () => {
    expect(dateHint('2018年5月29日', 'zh')).toEqual({ ok: true, text: '2018-05-29' });
    expect(dateHint('1978', 'en')).toEqual({ ok: true, text: '1978' });
    expect(dateHint('2016/9/3', 'en')).toEqual({ ok: true, text: '2016-09-03' });
  });

  it('says why a date would be refused, in the user’s language', () => {
    const en = dateHint('2018-13-01', 'en');
    const zh = dateHint('2018-13-01', 'zh');
    expect(en?.ok).toBe(false);
    expect(zh?.ok).toBe(false);
    expect(en?.text).not.toBe(zh?.text);
    expect(en?.text).toMatch(/month/i);
  });

  it('says nothing for an empty cell', () => {
    expect(dateHint('  ', 'en')).toBeNull();
  });
});
