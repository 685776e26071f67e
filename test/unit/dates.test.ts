import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  daysInMonth,
  firstDay,
  fromExcelSerial,
  parsePartialDate,
  type PartialDate,
} from '../../shared/dates';

function parsed(input: string): string {
  const r = parsePartialDate(input);
  if (!r.ok) throw new Error(`refused ${input}: ${r.problem.kind}`);
  return r.date;
}

describe('partial dates', () => {
  it.each([
    ['1978', '1978'],
    ['2016-09', '2016-09'],
    ['1979-11-02', '1979-11-02'],
    ['2018/5/29', '2018-05-29'],
    ['2018/05', '2018-05'],
    ['2018.5.29', '2018-05-29'],
    ['2018年5月29日', '2018-05-29'],
    ['2018年5月29号', '2018-05-29'],
    ['2018年5月', '2018-05'],
    ['2018年', '2018'],
    ['２０１８年５月２９日', '2018-05-29'],
    [' 2016-9-1 ', '2016-09-01'],
    ['20180529', '2018-05-29'],
  ])('reads %s as %s', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['May 2018', 'format'],
    ['2018-13', 'month'],
    ['2018-02-30', 'day'],
    ['2019-02-29', 'day'],
    ['1066', 'year'],
    ['18-05-29', 'format'],
  ])('refuses %s (%s)', (input, kind) => {
    const r = parsePartialDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe(kind);
  });

  it('accepts 29 February only in leap years', () => {
    expect(parsed('2020-02-29')).toBe('2020-02-29');
    expect(parsePartialDate('2100-02-29').ok).toBe(false);
  });

  it('compares by first day, a year before its own first day', () => {
    expect(firstDay('1978')).toBe('1978-01-01');
    expect(firstDay('2016-09')).toBe('2016-09-01');
    expect(comparePartialDates('2016-09', '2016-08-31')).toBeGreaterThan(0);
    expect(comparePartialDates('2016', '2016-01-01')).toBeLessThan(0);
    expect(comparePartialDates('2016', '2015-12-31')).toBeGreaterThan(0);
  });

  it('reads Excel serial dates', () => {
    expect(fromExcelSerial(43249)).toEqual({ ok: true, date: '2018-05-29' });
    expect(fromExcelSerial(43249.75)).toEqual({ ok: true, date: '2018-05-29' });
    expect(fromExcelSerial(-3).ok).toBe(false);
  });

  const day = fc
    .record({
      y: fc.integer({ min: 1800, max: 2200 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ y, m, d }) => d <= daysInMonth(y, m));

  it('round-trips every valid day through every written form', () => {
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        for (const form of [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}.${m}.${d}`]) {
          expect(parsed(form)).toBe(iso);
        }
        expect(parsed(iso)).toBe(iso);
      }),
    );
  });

  it('orders partial dates consistently with their first days', () => {
    const partial = day.chain(({ y, m, d }) =>
      fc.constantFrom(
        String(y),
        `${y}-${String(m).padStart(2, '0')}`,
        `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
    );
    fc.assert(
      fc.property(partial, partial, partial, (a, b, c) => {
        const [x, y, z] = [a, b, c] as [PartialDate, PartialDate, PartialDate];
        expect(Math.sign(comparePartialDates(x, y)) + Math.sign(comparePartialDates(y, x))).toBe(0);
        if (comparePartialDates(x, y) <= 0 && comparePartialDates(y, z) <= 0) {
          expect(comparePartialDates(x, z)).toBeLessThanOrEqual(0);
        }
        if (firstDay(x) < firstDay(y)) expect(comparePartialDates(x, y)).toBeLessThan(0);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parsePartialDate(s);
        if (r.ok) expect(parsePartialDate(r.date)).toEqual(r);
      }),
    );
  });
});
