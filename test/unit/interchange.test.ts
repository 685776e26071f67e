import { describe, expect, it } from 'vitest';
import { detectSeparator } from '../../main/interchange/source';
import {
  columnForHeader,
  columnLetter,
  isRowNumberHeader,
  isTotalLabel,
  stageFromDates,
} from '../../shared/interchange';
import { foldSpaces, hasCjk } from '../../shared/text';

describe('reading ledgers as typed', () => {
  it.each([
    ['日　本', '日本'],
    ['  南京 ', '南京'],
    ['South\u00a0 Korea', 'South Korea'],
    ['南 京 市', '南京市'],
    ['St. Louis', 'St. Louis'],
  ])('folds the spaces of %j to %j', (typed, folded) => {
    expect(foldSpaces(typed)).toBe(folded);
  });

  it.each([
    ['外方\n城市', 'partner'],
    ['国　　家', 'country'],
    ['Local level', 'local_level'],
    [' local_level ', 'local_level'],
    ['结好\r\n日期', 'established_on'],
  ])('matches the header %j to %s whatever its whitespace', (header, field) => {
    expect(columnForHeader('ties', header)).toBe(field);
  });

  it('knows a row-number column and a total row, and nothing else for them', () => {
    expect(['序号', 'No.', '#', '编 号'].map(isRowNumberHeader)).toEqual([true, true, true, true]);
    expect(isRowNumberHeader('我方')).toBe(false);
    expect(['合计', '小 计', '总计：95', 'Total', 'Grand total'].map(isTotalLabel)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['合肥', 'Totalitarian', '计划'].map(isTotalLabel)).toEqual([false, false, false]);
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;"2,5";3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['南京市友城一览\n我方;外方城市;国家\n南京;Perth;AU', ';'],
    ['only', ','],
  ])('finds the separator of %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });

  it('names columns by letter and stages by dates', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
    expect(stageFromDates({ established_on: '1978', intent_signed_on: '1977' })).toBe(
      'established',
    );
    expect(stageFromDates({ intent_signed_on: '2015-06' })).toBe('intent');
    expect(stageFromDates({})).toBe('contact');
    expect([hasCjk('合肥'), hasCjk('Hefei'), hasCjk('\uf900')]).toEqual([true, false, true]);
  });
});
