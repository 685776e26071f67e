import { describe, expect, it } from 'vitest';
import { continentChart, perYearChart, svgForPrint } from '../../main/reports/charts';
import { cssString, esc, pageCounterContent } from '../../main/reports/document';
import { codePointsOf, fontFaceCss, parseFaces } from '../../main/reports/fonts';
import { createI18n, type Lang } from '../../shared/i18n';
import { countTies, annualFigures, type ReportTie } from '../../shared/report/figures';
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
    expect(zh).toContain('按国家分，日本3对，德国、意大利、美国各2对，其他2个国家共2对。');
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
