import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { buildOffice, eventWriter, OFFICE_2025 } from '../support/office';
import { call, testRegistry } from '../support/registry';

/**
 * What a provincial annual summary shows beyond the figures of the contract, on the office of
 * test/support/office.ts: the table by locality, continents by count, the same period a year
 * before, places and the office in the document's language, and the sentences of the
 * published reports.
 */

let registry: Registry;

beforeAll(async () => {
  registry = await testRegistry();
  await buildOffice((channel, input) => call(registry, channel, input), eventWriter(registry));
});

afterAll(() => registry.close());

const html = async (input: Record<string, unknown>) =>
  (await call<{ html: string }>(registry, 'reports:html', { asOf: '2025-12-31', ...input })).html;

/** The rows of the table under a section heading, each row's cells as text. */
function tableAfter(doc: string, heading: string): string[][] {
  const at = doc.indexOf(`<h2>${heading}</h2>`);
  expect(at, heading).toBeGreaterThan(-1);
  const table = doc.slice(at, doc.indexOf('</table>', at));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] as string).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      (c[1] as string).replace(/<[^>]+>/g, ''),
    ),
  );
}

/** The narrative's text. */
const narrative = (doc: string) =>
  [...doc.matchAll(/<div class="narrative[^"]*">([\s\S]*?)<\/div>/g)]
    .map((m) => (m[1] as string).replace(/<[^>]+>/g, ' '))
    .join(' ');

describe('the provincial annual summary', () => {
  it('leaves the figures of the contract as they were', async () => {
    expect(await call(registry, 'reports:annual', { asOf: '2025-12-31' })).toEqual(OFFICE_2025);
  });

  it('has a table by locality: the province’s own, then each city with what is under it, in pinyin order', async () => {
    expect(tableAfter(await html({ lang: 'zh' }), '按地区分布')).toEqual([
      ['我方', '数量（对）', '国家数', '期内新结好'],
      ['江苏省（本级）', '1', '1', '0'],
      // 江宁区 counts with 南京 (nán), which comes before 苏州 (sū).
      ['南京', '8', '8', '2'],
      ['苏州', '2', '2', '0'],
      ['合计', '11', '8', '2'],
    ]);
    expect(tableAfter(await html({ lang: 'en' }), 'Ties by locality').slice(1, 4)).toEqual([
      ['Jiangsu (own level)', '1', '1', '0'],
      ['Nanjing', '8', '8', '2'],
      ['Suzhou', '2', '2', '0'],
    ]);
    // Scoped to Nanjing: its own ties, then the county under it.
    expect(tableAfter(await html({ lang: 'zh', locality: '南京' }), '按地区分布').slice(1)).toEqual(
      [
        ['南京（本级）', '7', '7', '2'],
        ['江宁区', '1', '1', '0'],
        ['合计', '8', '8', '2'],
      ],
    );
  });

  it('lists continents by count, the most first', async () => {
    const rows = tableAfter(await html({ lang: 'en' }), 'Ties by continent').slice(1);
    expect(rows.map((r) => r[0])).toEqual([
      'Europe',
      'North America',
      'Asia',
      'Africa',
      'Oceania',
      'South America',
      'Total',
    ]);
  });

  it('lists continents in the order the office set, where it set one', async () => {
    await call(registry, 'settings:update', {
      patch: { continentOrder: ['AS', 'EU', 'AF', 'NA', 'SA', 'OC', 'AN'] },
    });
    try {
      const en = await html({ lang: 'en' });
      expect(
        tableAfter(en, 'Ties by continent')
          .slice(1)
          .map((r) => r[0]),
      ).toEqual(['Asia', 'Europe', 'Africa', 'North America', 'South America', 'Oceania', 'Total']);
      expect(narrative(en)).toContain(
        'By continent: 2 in Asia, 4 in Europe, 1 in Africa, 3 in North America and 1 in Oceania.',
      );
      // The figures of the contract keep their keys' order.
      expect(await call(registry, 'reports:annual', { asOf: '2025-12-31' })).toEqual(OFFICE_2025);
    } finally {
      await call(registry, 'settings:update', { patch: { continentOrder: null } });
    }
    expect(narrative(await html({ lang: 'en' }))).toContain(
      'By continent: 4 in Europe, 3 in North America, 2 in Asia',
    );
  });

  it('compares with the same period a year before, in a table and a sentence', async () => {
    const zh = await html({ lang: 'zh' });
    expect(tableAfter(zh, '与上年同期比较')).toEqual([
      ['项目', '本期', '上年同期', '增减'],
      ['新结好友城（对）', '2', '0', '+2'],
      ['签署意向书（份）', '2', '0', '+2'],
      ['派出团组（批次）', '1', '1', '0'],
      ['接待来访团组（批次）', '3', '0', '+3'],
    ]);
    expect(narrative(zh)).toContain(
      '与上年同期相比，新结好友城增加2对，签署意向书增加2份，派出团组数量持平，接待来访团组增加3批次。',
    );
    expect(narrative(await html({ lang: 'en' }))).toContain(
      'Compared with the same period a year before, new ties rose from 0 to 2, letters of intent signed rose from 0 to 2, delegations sent stayed at 1 and delegations received rose from 0 to 3.',
    );
  });

  it('says the figures as the published reports do, in both languages', async () => {
    const zh = narrative(await html({ lang: 'zh' }));
    // One 其中, for the levels; the suspended ones are said on their own.
    expect(zh.match(/其中/g)).toHaveLength(1);
    expect(zh).toContain('目前暂停交往的有2对。');
    expect(zh).toContain('按类型分，友好城市10对，友好交流城市1对。');
    // A tie at intent is not a letter: letters signed come from letter records.
    expect(zh).toContain('处于意向阶段1对');
    expect(zh).not.toContain('已签署结好意向书');
    expect(zh).toContain('报告期内签署意向书2份。');
    expect(zh).toContain('共派出团组1批次、6人次，接待来访团组3批次、19人次。');
    const en = narrative(await html({ lang: 'en' }));
    expect(en).toContain(
      'By kind, 10 are friendship (sister) cities and 1 is a friendly-exchange city.',
    );
    expect(en).toContain('At present, 2 of them are suspended.');
    expect(en).toContain('1 is at the letter-of-intent stage');
    expect(en).toContain('At present, 2 approval steps are awaiting a decision.');
    // No sentence starts with a numeral.
    expect(en).not.toMatch(/(^|[.!?]\s+)\d/);
  });

  it('prints places in the document’s language: English names in English, Chinese in Chinese', async () => {
    const en = await html({ lang: 'en' });
    const letters = tableAfter(en, 'Letters of intent signed in the period').slice(1);
    expect(letters.map((r) => r[1])).toEqual(['Nanjing', 'Suzhou']);
    const steps = tableAfter(en, 'Approval steps waiting').slice(1);
    expect(steps.map((r) => r[1])).toEqual(['Nanjing', 'Nanjing']);
    expect(
      tableAfter(en, 'Ties established in the period')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['Nanjing', 'Nanjing']);
    const zh = await html({ lang: 'zh' });
    expect(
      tableAfter(zh, '报告期内签署的意向书')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['南京', '苏州']);
  });

  it('prints the English office name and signature in English documents, the footer as set', async () => {
    const before = await html({ lang: 'en' });
    // Without an English name, the one name there is; never a "generated by" line by default.
    expect(before).toContain('<div class="office">江苏省人民政府外事办公室</div>');
    expect(before).not.toContain('Prepared with Youcheng');
    await call(registry, 'settings:update', {
      patch: {
        officeNameEn: 'Foreign Affairs Office of Jiangsu Provincial People’s Government',
        reportSignatureEn: 'Jiangsu FAO (seal)',
      },
    });
    try {
      const en = await call<{ html: string; title: string }>(registry, 'reports:html', {
        asOf: '2025-12-31',
        lang: 'en',
      });
      expect(en.title).toBe(
        'Foreign Affairs Office of Jiangsu Provincial People’s Government · Annual summary of friendship cities',
      );
      expect(en.html).toContain(
        '<div class="office">Foreign Affairs Office of Jiangsu Provincial People’s Government</div>',
      );
      expect(en.html).toContain('<b>Jiangsu FAO (seal)</b>');
      expect(en.html).not.toContain('江苏省人民政府外事办公室');
      // The footer: the office's name and the page counter.
      expect(en.html).toContain(
        '@bottom-left { content: "Foreign Affairs Office of Jiangsu Provincial People’s Government";',
      );
      expect(en.html).toContain('"Page " counter(page) " of " counter(pages)');
      const zh = await html({ lang: 'zh' });
      expect(zh).toContain('<div class="office">江苏省人民政府外事办公室</div>');
      expect(zh).toContain('<b>江苏省人民政府外事办公室（盖章）</b>');
      await call(registry, 'settings:update', { patch: { reportGeneratedLine: true } });
      expect(await html({ lang: 'en' })).toContain('Prepared with Youcheng');
      expect(await html({ lang: 'zh' })).toContain('友城系统生成');
    } finally {
      await call(registry, 'settings:update', {
        patch: { officeNameEn: null, reportSignatureEn: null, reportGeneratedLine: false },
      });
    }
  });
});
