import { describe, expect, it } from 'vitest';
import {
  pasteColumns,
  pasteIssues,
  pasteLineCount,
  SELECTION_COLUMN,
  toTsv,
} from '../../../renderer/grid/logic/clipboard';

describe('copying as Excel pastes back', () => {
  it('joins cells with tabs and rows with CRLF', () => {
    expect(
      toTsv([
        ['南京', 'Nagoya'],
        ['武汉', 'Pittsburgh'],
      ]),
    ).toBe('南京\tNagoya\r\n武汉\tPittsburgh');
  });

  it('quotes a cell with a tab, a line break or a quote, doubling its quotes', () => {
    expect(toTsv([['a\tb', 'line one\nline two', 'say "hi"', 'plain']])).toBe(
      '"a\tb"\t"line one\nline two"\t"say ""hi"""\tplain',
    );
  });
});

describe('a paste', () => {
  const displayed = [SELECTION_COLUMN, 'local', 'partner', 'country', 'stage'];

  it('fills the focused column and those to its right, never the checkbox column', () => {
    expect(pasteColumns(displayed, 'partner')).toEqual(['partner', 'country', 'stage']);
    expect(pasteColumns(displayed, SELECTION_COLUMN)).toEqual([
      'local',
      'partner',
      'country',
      'stage',
    ]);
  });

  it('counts at most one row per line, the final line break making none', () => {
    expect(pasteLineCount('a\tb')).toBe(1);
    expect(pasteLineCount('a\tb\r\nc\td\r\n')).toBe(2);
    expect(pasteLineCount('a\nb\nc\n')).toBe(3);
    // A quoted cell's line break is counted too: enough rows, never too few.
    expect(pasteLineCount('"one\ntwo"\tx')).toBe(2);
  });

  it('lists each refused cell by its row on screen and its column header, with the reason', () => {
    const headers: Record<string, string> = { established_on: '结好日期', country: '国家' };
    const issues = pasteIssues(
      [
        {
          path: [0, 'established_on'],
          key: 'errors.date',
          params: { value: '2018-13-01' },
        },
        { path: [2, 'country'], key: 'errors.country', params: { value: '台湾' } },
      ],
      9,
      (c) => headers[c] ?? c,
      (key, params) => `${key}(${String(params.value)})`,
    );
    expect(issues).toEqual([
      {
        row: 10,
        column: '结好日期',
        value: '2018-13-01',
        reason: 'errors.date(2018-13-01)',
      },
      { row: 12, column: '国家', value: '台湾', reason: 'errors.country(台湾)' },
    ]);
  });
});
