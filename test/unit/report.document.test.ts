import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continentChart, perYearChart, svgForPrint } from '../../main/reports/charts';
import { cssString, esc, pageCounterContent } from '../../main/reports/document';
import { codePointsOf, fontFaceCss, parseFaces } from '../../main/reports/fonts';
import { createI18n, type Lang } from '../../shared/i18n';
import { countTies, annualFigures, yearBefore, type ReportTie } from '../../shared/report/figures';
import { localityFigures } from '../../shared/report/localities';
import { countryLabel, formatDate, formatPeriod, joinList } from '../../shared/report/format';
import { narrative } from '../../shared/report/narrative';

describe('words for dates and lists', () => {
  it('says partial dates and periods as people write them', () => {
    expect(formatDate('2025-12-31', 'en')).toBe('31 December 2025');
    expect(formatDate('2016-09', 'en')).toBe('September 2016');
    expect(formatDate('1978', 'en')).toBe('1978');
    expect(formatDate('2025-12-31', 'zh')).toBe('2025年12月31日');
    expect(formatDate('2016-09', 'zh')).toBe('2016年9月');
    expect(formatPeriod('2025-01-01', '2025-12-31', 'en')).toBe('1 January to 31 December 2025');
    expect(formatPeriod('2024-07-01', '2025-06-30', 'en')).toBe('1 July 2024 to 30 June 2025');
    expect(formatPeriod('2025-01-01', '2025-12-31', 'zh')).toBe('2025年1月1日至12月31日');
  });

  it('joins lists as the published reports do', () => {
    expect(joinList(['Germany', 'Australia', 'Italy'], 'en')).toBe('Germany, Australia and Italy');
    expect(joinList(['a', 'b'], 'en', '; ')).toBe('a; and b');
    expect(joinList(['德国', '澳大利亚'], 'zh')).toBe('德国、澳大利亚');
    expect(countryLabel('US', 'en', { article: true })).toBe('the United States');
    expect(countryLabel('JP', 'en', { article: true })).toBe('Japan');
  });
});

function sentences(ties: ReportTie[], lang: Lang, subject = { level: 'province' as const }) {
  const period = { since: '2025-01-01', asOf: '2025-12-31' };
  const counts = countTies(ties, period);
  const names = () => ({
    local: 'L',
    partner: 'P',
    localNames: { zh: null, en: null },
    partnerNames: { zh: null, en: null },
  });
  const figures = annualFigures(counts, names, period, {
    lettersSignedInPeriod: 0,
    approvalsWaiting: 0,
    visits: { outgoing: 0, incoming: 0 },
  });
  const t = createI18n(lang).t;
  return narrative(
    {
      lang,
      period,
      subject,
      figures,
      counts,
      names,
      visits: { outgoing: { groups: 0, people: 0 }, incoming: { groups: 0, people: 0 } },
    },
    (key, params) => t(key, params ?? {}),
  ).join(' ');
}

let n = 0;
const established = (country: string, on = '1990'): ReportTie => ({
  id: `t${++n}`,
  level: 'city',
  country,
  kind: 'friendship',
  events: [{ seq: 1, type: 'stage', stage: 'established', kind: null, on }],
});

describe('the narrative', () => {
  it('groups countries with equal counts and sums up the rest, like the Anhui report', () => {
    const ties = [
      ...['JP', 'JP', 'JP', 'US', 'US', 'DE', 'DE', 'IT', 'IT', 'FR', 'BR'].map((c) =>
        established(c),
      ),
    ];
    const en = sentences(ties, 'en');
    expect(en).toContain(
      'As of 31 December 2025, the province has 11 friendship cities in 6 countries on 4 continents.',
    );
    expect(en).toContain('All 11 were established at the municipal level.');
    expect(en).toContain(
      'By country: 3 in Japan; 2 each in Germany, Italy and the United States; and 2 in 2 other countries.',
    );
    expect(en).toContain('No tie has been established since 1 January 2025.');
    expect(en).toContain('No delegation was sent or received from 1 January to 31 December 2025.');
    const zh = sentences(ties, 'zh');
    expect(zh).toContain('按国家分，日本3对，德国、美国、意大利各2对，其他2个国家共2对。');
    expect(zh).toContain('均为市级友城。');
  });

  it('says plainly when there is nothing yet, and names a locality when scoped', () => {
    expect(sentences([], 'en')).toContain(
      'As of 31 December 2025, the province has no established friendship cities.',
    );
    expect(sentences([established('JP')], 'zh', { name: '南京' } as never)).toContain(
      '截至2025年12月31日，南京共有国际友好城市1对，分布在1个大洲的1个国家。',
    );
    expect(sentences([established('JP')], 'en')).toContain(
      'the province has 1 friendship city in 1 country on 1 continent.',
    );
  });
});

describe('the document’s pieces', () => {
  it('escapes text, CSS strings and builds the page counter', () => {
    expect(esc('<b>"R&D"</b>\'')).toBe('&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;&#39;');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe(
      '"Page " counter(page) " of " counter(pages)',
    );
    expect(pageCounterContent('第{{page}}页，共{{pages}}页')).toBe(
      '"第" counter(page) "页，共" counter(pages) "页"',
    );
  });

  it('draws charts as SVG fit for a strict policy: no style attribute, no style element', () => {
    const svgs = [
      continentChart([
        { label: '欧洲', value: 4 },
        { label: 'Asia', value: 2 },
      ]),
      perYearChart({ 2020: 1, 2025: 3 }, 2025),
    ];
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg/);
      expect(svg).not.toMatch(/\sstyle="/);
      expect(svg).not.toMatch(/<style/);
      expect(svg).toContain('font-family="Noto Sans SC"');
    }
    expect(svgs[0]).toContain('欧洲');
    expect(svgs[1]).toContain('2025');
    expect(
      svgForPrint('<text style="font-size:12px;cursor:pointer;">x</text><style>a{}</style>'),
    ).toBe('<text font-size="12px">x</text>');
  });

  it('embeds only the font files that hold the document’s characters', () => {
    const latin = fontFaceCss('Annual summary 2025');
    const chinese = fontFaceCss('国际友好城市');
    expect(latin).toContain("font-family:'Noto Sans SC'");
    expect(latin).toContain('src:url(data:font/woff2;base64,');
    expect(latin).not.toMatch(/U\+4e2d|U\+56fd/);
    // Both weights the document uses, for each file it needs.
    expect(latin).toMatch(/font-weight:400/);
    expect(latin).toMatch(/font-weight:700/);
    expect(chinese.length).toBeGreaterThan(latin.length);
    expect(codePointsOf('友友a')).toEqual([0x61, 0x53cb]);
    expect(
      parseFaces(
        "@font-face { src: url(./files/x-1-400-normal.woff2) format('woff2'); unicode-range: U+20-22,U+4e00; }",
        400,
      ),
    ).toEqual([
      {
        weight: 400,
        file: 'x-1-400-normal.woff2',
        ranges: [
          [0x20, 0x22],
          [0x4e00, 0x4e00],
        ],
      },
    ]);
  });
});

describe('the prose, in the register of the published reports', () => {
  const tie = (
    country: string,
    kind: 'friendship' | 'exchange',
    level: 'province' | 'city' | 'county',
    on: string,
  ): ReportTie => ({
    id: `p${++n}`,
    level,
    country,
    kind,
    events: [{ seq: 1, type: 'stage', stage: 'established', kind: null, on }],
  });

  it('agrees in number and says "one each" where no country is named before', () => {
    const en = sentences([tie('JP', 'exchange', 'city', '1990')], 'en');
    expect(en).toContain('It is a friendly-exchange city.');
    const three = ['JP', 'US', 'DE'].map((c, i) =>
      tie(c, i === 0 ? 'exchange' : 'friendship', 'city', '1990'),
    );
    expect(sentences(three, 'en')).toContain(
      'By kind, 2 are friendship (sister) cities and 1 is a friendly-exchange city.',
    );
    expect(sentences(three, 'en')).toContain('By country: one each in 3 countries.');
    expect(sentences(three, 'zh')).toContain('按国家分，3个国家各1对。');
    expect(sentences(three, 'zh')).toContain('按类型分，友好城市2对，友好交流城市1对。');
  });

  it('groups large numbers', () => {
    const many = Array.from({ length: 1234 }, () => tie('JP', 'friendship', 'city', '1990'));
    expect(sentences(many, 'en')).toContain('the province has 1,234 friendship cities');
    expect(sentences(many, 'zh')).toContain('全省共有国际友好城市1,234对');
  });

  it('never starts an English sentence with a numeral, and never says "1 are"', () => {
    const countries = ['JP', 'US', 'DE', 'KR', 'GB', 'FR', 'IT', 'AU', 'BR', 'ZA'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            country: fc.constantFrom(...countries),
            kind: fc.constantFrom('friendship' as const, 'exchange' as const),
            level: fc.constantFrom('province' as const, 'city' as const, 'county' as const),
            on: fc.constantFrom('1980', '2001-09', '2025-03-01', '2025'),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const en = sentences(
            rows.map((r) => tie(r.country, r.kind, r.level, r.on)),
            'en',
          );
          expect(en).not.toMatch(/(^|[.!?]\s+)\d/);
          expect(en).not.toMatch(/\b1 (are|were|have)\b/);
          expect(en).not.toMatch(/\b1 [a-z-]+ (cities|countries|ties|continents)\b/);
          expect(en).not.toMatch(/\b([02-9]|\d{2,}) (is|was|has)\b/);
          const zh = sentences(
            rows.map((r) => tie(r.country, r.kind, r.level, r.on)),
            'zh',
          );
          expect(zh.match(/其中/g)?.length ?? 0).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the pieces of a provincial report', () => {
  it('escapes a CSS string so that nothing in it ends the style sheet', () => {
    const css = cssString('A</style><h1>x</h1>&"\'\\\u0007');
    expect(css).not.toMatch(/[<>&]/);
    expect(css).toBe('"A\\3c /style\\3e \\3c h1\\3e x\\3c /h1\\3e \\26 \\"\\\'\\\\\\7 "');
  });

  it('takes the same period a year before, 29 February as the 28th', () => {
    expect(yearBefore({ since: '2025-01-01', asOf: '2025-12-31' })).toEqual({
      since: '2024-01-01',
      asOf: '2024-12-31',
    });
    expect(yearBefore({ since: '2023-07-01', asOf: '2024-02-29' })).toEqual({
      since: '2022-07-01',
      asOf: '2023-02-28',
    });
  });

  it('rolls a locality’s ties up into the row of the locality under the root', () => {
    const tally = (total: number, since: number, countries: string[]) => ({
      total,
      since,
      countries: new Map(countries.map((c) => [c, 1])),
    });
    const node = (id: string, parentId: string | null) => ({
      id,
      parentId,
      name: id,
      names: { zh: null, en: null },
    });
    const localities = [
      node('P', null),
      node('A', 'P'),
      node('B', 'P'),
      node('A1', 'A'),
      node('X', null),
    ];
    const tallies = new Map([
      ['P', tally(1, 0, ['US'])],
      ['A', tally(2, 1, ['JP', 'US'])],
      ['A1', tally(1, 0, ['JP'])],
    ]);
    const rows = (root: string | null) =>
      localityFigures(tallies, localities, root).map((r) => [
        r.locality.id,
        r.own,
        r.total,
        r.countries,
        r.since,
      ]);
    // B has no tie and is left out; A1 counts with A.
    expect(rows('P')).toEqual([
      ['P', true, 1, 1, 0],
      ['A', false, 3, 2, 1],
    ]);
    // Without a root: the one top-level locality with ties (X has none).
    expect(rows(null)).toEqual(rows('P'));
    expect(rows('A')).toEqual([
      ['A', true, 2, 2, 1],
      ['A1', false, 1, 1, 0],
    ]);
  });
});
