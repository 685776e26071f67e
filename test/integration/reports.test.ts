import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { TieAnniversary } from '../../shared/ipc/workflow';
import type { AnnualFigures } from '../../shared/report/figures';
import {
  buildOffice,
  CONFIDENTIAL_REASON,
  OFFICE_2025,
  PUBLIC_REASON,
  eventWriter,
  type Office,
} from '../support/office';
import { call, testRegistry } from '../support/registry';

let registry: Registry;
let office: Office;

beforeAll(async () => {
  registry = await testRegistry();
  office = await buildOffice(
    (channel, input) => call(registry, channel, input),
    eventWriter(registry),
  );
});

// Its PDFs leave a Chromium warm; closing the registry closes it.
afterAll(() => registry.close());

const annual = (input: Record<string, unknown>) =>
  call<AnnualFigures>(registry, 'reports:annual', input);

async function refusal(channel: string, input: unknown) {
  const result = await registry.door(channel, input, { trusted: true, lang: 'en' });
  if (result.ok) throw new Error(`${channel} was not refused`);
  return result.error;
}

describe('the annual figures', () => {
  it('count the registry as of a date by the rules of the domain contract', async () => {
    expect(await annual({ asOf: '2025-12-31' })).toEqual(OFFICE_2025);
  });

  it('have exactly the keys of the contract, zeros included', async () => {
    const figures = await annual({ asOf: '2025-12-31' });
    expect(Object.keys(figures)).toEqual([
      'asOf',
      'established',
      'pipeline',
      'lettersOfIntent',
      'approvals',
      'visits',
      'anniversaries',
    ]);
    expect(Object.keys(figures.established)).toEqual([
      'total',
      'countries',
      'suspended',
      'since',
      'byKind',
      'byLevel',
      'byContinent',
      'byCountry',
      'first',
      'latest',
    ]);
    expect(Object.keys(figures.established.byContinent)).toEqual([
      'AF',
      'AS',
      'EU',
      'NA',
      'OC',
      'SA',
      'AN',
    ]);
    expect(figures.established.byContinent.SA).toBe(0);
  });

  it('go back in time: stages, kinds and suspensions as they were then', async () => {
    const figures = await annual({ asOf: '2019-12-31' });
    // Mexicali and Perth were not yet established; Leipzig and Kanazawa not yet suspended;
    // Bloemfontein was still an exchange tie; Izmir was only in contact.
    expect(figures.established).toMatchObject({
      total: 9,
      suspended: 0,
      since: 0,
      byKind: { friendship: 8, exchange: 1 },
      latest: { partner: 'Bloemfontein', on: '2016-05-12' },
    });
    expect(figures.pipeline).toEqual({ contact: 1, intent: 0, pending: 0, approved: 0 });
    // Tours's letter (2023) and Limassol's (May 2024) make them intents only later.
    expect(figures.lettersOfIntent.signedInPeriod).toBe(0);
    expect(figures.anniversaries.map((a) => [a.partner, a.years])).toEqual([
      ['Maryland', 40],
      ['Venice', 40],
      ['Florence', 40],
    ]);
  });

  it('name the same anniversaries as the anniversaries channel, once nothing changes after D', async () => {
    // The office's last recorded date is in 2026: from the end of that year on, a tie's stage
    // and establishment date as of D are its current ones, so the report's list of round
    // anniversaries in the year after D and the channel's list for that year must agree.
    // One shape: the channel's entries are the report's, each with its tie and kind added.
    const key = (a: { local: string; partner: string; on: string }) =>
      [a.local, a.partner, a.on].join(' | ');
    let compared = 0;
    let suspended = 0;
    for (let year = 2027; year <= 2046; year++) {
      const report = [...(await annual({ asOf: `${year - 1}-12-31` })).anniversaries];
      const channel = (await call<TieAnniversary[]>(registry, 'ties:anniversaries', { year })).map(
        ({ tie_id, kind, ...rest }) => {
          expect(tie_id).toEqual(expect.any(String));
          expect(['friendship', 'exchange']).toContain(kind);
          return rest;
        },
      );
      const byKey = (a: { local: string; partner: string; on: string }, b: typeof a) =>
        key(a).localeCompare(key(b));
      expect(channel.sort(byKey), String(year)).toEqual(report.sort(byKey));
      compared += report.length;
      suspended += report.filter((a) => a.suspended).length;
    }
    expect(compared).toBeGreaterThan(10);
    expect(suspended, 'a suspended tie is among them, marked so on both').toBeGreaterThan(0);
  });

  it('counts a partial date by its first day at the edges of the period', async () => {
    // Perth (2025) is established on 1 January 2025; Mexicali (2025-03) on 1 March.
    expect((await annual({ asOf: '2025-02-28' })).established.since).toBe(1);
    expect((await annual({ asOf: '2025-03-01' })).established.since).toBe(2);
    expect((await annual({ asOf: '2025-12-31', since: '2025-01-02' })).established.since).toBe(1);
    expect((await annual({ asOf: '2024-12-31' })).established.total).toBe(9);
  });

  it('scopes to a locality and those under it, by any of its names', async () => {
    const nanjing = await annual({ asOf: '2025-12-31', locality: 'Nanjing' });
    expect(nanjing.established).toMatchObject({
      total: 8,
      countries: 8,
      byLevel: { province: 0, city: 7, county: 1 },
      suspended: 1,
    });
    expect(nanjing.pipeline).toEqual({ contact: 0, intent: 0, pending: 1, approved: 1 });
    expect(nanjing.visits).toEqual({ outgoing: 1, incoming: 2 });
    expect(nanjing.lettersOfIntent.signedInPeriod).toBe(1);
    expect(nanjing.approvals.waiting).toBe(2);
    expect(await annual({ asOf: '2025-12-31', locality: '南京' })).toEqual(nanjing);
    const county = await annual({ asOf: '2025-12-31', locality: '江宁区' });
    expect(county.established.total).toBe(1);
    expect(county.visits).toEqual({ outgoing: 0, incoming: 1 });
  });

  it('keeps the office name when another setting changes', async () => {
    await call(registry, 'settings:update', { patch: { language: 'en' } });
    expect(await call(registry, 'settings:get', {})).toMatchObject({
      language: 'en',
      officeName: '江苏省人民政府外事办公室',
      reportSignature: '江苏省人民政府外事办公室（盖章）',
    });
  });

  it('applies the office’s continent overrides from the settings', async () => {
    await call(registry, 'settings:update', { patch: { continentOverrides: { RU: 'AS' } } });
    try {
      const figures = await annual({ asOf: '2025-12-31' });
      expect(figures.established.byContinent).toMatchObject({ EU: 3, AS: 3 });
    } finally {
      await call(registry, 'settings:update', { patch: { continentOverrides: {} } });
    }
  });

  it('refuses a partial report date, a period that starts after it, and an unknown locality', async () => {
    expect(await refusal('reports:annual', { asOf: '2025' })).toMatchObject({
      code: 'validation',
      details: [expect.objectContaining({ path: ['asOf'] })],
    });
    expect(
      (await refusal('reports:annual', { asOf: '2025-06-30', since: '2025-07-01' })).message,
    ).toMatch(/starts \(2025-07-01\) after the report date \(2025-06-30\)/);
    expect((await refusal('reports:annual', { asOf: '2025-13-01' })).message).toMatch(/month 13/);
    expect(
      (await refusal('reports:html', { asOf: '2025-12-31', locality: '无锡' })).message,
    ).toMatch(/no locality named “无锡”/);
  });
});

describe('the annual summary as a document', () => {
  it('says the figures in sentences, in Chinese and in English', async () => {
    const zh = await call<{ html: string }>(registry, 'reports:html', {
      asOf: '2025-12-31',
      lang: 'zh',
    });
    expect(zh.html).toContain(
      '截至2025年12月31日，全省共有国际友好城市11对，分布在5个大洲的8个国家。',
    );
    expect(zh.html).toContain('其中省级1对，市级9对，县级1对。');
    expect(zh.html).toContain('此外，已获批准、待签约1对，正在报批1对');
    const en = await call<{ html: string; title: string; fileName: string }>(
      registry,
      'reports:html',
      { asOf: '2025-12-31', lang: 'en' },
    );
    expect(en.html).toContain(
      'As of 31 December 2025, the province has 11 friendship cities in 8 countries on 5 continents.',
    );
    expect(en.html).toContain(
      'Of these, 1 was established at the provincial level, 9 at the municipal level and 1 at the county level.',
    );
    expect(en.html).toContain('By continent: 4 in Europe, 3 in North America, 2 in Asia');
    expect(en.html).toContain(
      'Since 1 January 2025, 2 more ties have been established: Perth (Australia) and Mexicali (Mexico).',
    );
    expect(en.html).toContain(
      'From 1 January to 31 December 2025, the province sent 1 delegation (6 people) abroad and received 3 delegations (19 people).',
    );
    expect(en.title).toBe('江苏省人民政府外事办公室 · Annual summary of friendship cities');
    expect(en.fileName).toBe('youcheng-annual-2025-12-31.pdf');
  });

  it('prints public reasons and never a confidential one', async () => {
    for (const report of [
      { asOf: '2025-12-31', lang: 'zh' },
      { report: 'dossier', tie_id: office.ties.Leipzig, lang: 'zh' },
      { report: 'country', country: 'DE', asOf: '2025-12-31', lang: 'en' },
    ]) {
      const { html } = await call<{ html: string }>(registry, 'reports:html', report);
      expect(html).not.toContain(CONFIDENTIAL_REASON);
      expect(html).not.toContain('违纪');
    }
    const { html } = await call<{ html: string }>(registry, 'reports:html', {
      asOf: '2025-12-31',
      lang: 'zh',
    });
    expect(html).toContain(PUBLIC_REASON);
  });

  it('is a static A4 document: no script, one style element, no inline style attribute', async () => {
    const { html } = await call<{ html: string }>(registry, 'reports:html', { asOf: '2025-12-31' });
    expect(html).toMatch(/@page \{\s*size: A4;/);
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('counter(pages)');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain("font-family:'Noto Sans SC'");
  });

  it('makes a PDF whose text carries the narrative’s numbers, in both languages', async () => {
    const dir = path.join('test-results', 'reports');
    mkdirSync(dir, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      const pdf = await call<{ base64: string; fileName: string }>(registry, 'reports:pdf', {
        asOf: '2025-12-31',
        lang,
      });
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dir, `annual-${lang}.pdf`);
      writeFileSync(file, bytes);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:.*\(A4\)/);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      const flat = text.replace(/\s+/g, ' ');
      if (lang === 'zh') {
        expect(flat).toContain('全省共有国际友好城市11对');
        expect(flat).toContain('分布在5个大洲的8个国家');
        expect(flat).toContain('第1页，共');
      } else {
        expect(flat).toContain(
          'the province has 11 friendship cities in 8 countries on 5 continents',
        );
        expect(flat).toContain('received 3 delegations (19 people)');
        expect(flat).toMatch(/Page 1 of \d/);
      }
      expect(flat).toContain('江苏省人民政府外事办公室');
      expect(flat).not.toContain(CONFIDENTIAL_REASON);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      // The bundled font, embedded: nothing comes from the machine's fonts.
      expect(fonts).toMatch(/NotoSansSC/);
      expect(fonts).not.toMatch(/NotoSansCJK|DejaVu|Liberation/);
    }
  }, 60_000);
});

describe('the other reports', () => {
  it('prints a tie’s dossier: record, letters, approvals, visits and timeline', async () => {
    const { html, title } = await call<{ html: string; title: string }>(registry, 'reports:html', {
      report: 'dossier',
      tie_id: office.ties.Limassol,
      lang: 'en',
    });
    expect(title).toBe('Tie dossier: Nanjing – Limassol (Cyprus)');
    expect(html).toContain('结好意向书（Limassol）');
    expect(html).toContain('江苏省外办');
    expect(html).toContain('2026-01-10');
    expect(html).toContain('Letter of intent → Pending approval');
    const leipzig = await call<{ html: string }>(registry, 'reports:html', {
      report: 'dossier',
      tie_id: office.ties.Leipzig,
      lang: 'zh',
    });
    expect(leipzig.html).toContain('内部事项，不予打印');
  });

  it('lists the ties with one country, with their stage on the date', async () => {
    const { html } = await call<{ html: string }>(registry, 'reports:html', {
      report: 'country',
      country: '法国',
      asOf: '2025-12-31',
      lang: 'en',
    });
    expect(html).toContain('Ties with France');
    expect(html).toContain(
      'As of 31 December 2025: 0 established (0 friendship, 0 friendly-exchange), 1 in the pipeline, 1 terminated.',
    );
    expect(html).toContain('Tours');
    // Grenoble, terminated since, with the date it was established.
    expect(html).toMatch(/Grenoble<\/td>.*<td>1998<\/td>/);
  });

  it('refuses an unknown tie', async () => {
    expect(
      (await refusal('reports:html', { report: 'dossier', tie_id: 'nope' })).details?.[0]?.path,
    ).toEqual(['tie_id']);
  });
});

describe('printing where the host cannot', () => {
  it('answers unavailable for the system print dialog and the native save dialog', async () => {
    expect(await refusal('reports:print', { asOf: '2025-12-31' })).toMatchObject({
      code: 'unavailable',
    });
    expect(await refusal('reports:save', { asOf: '2025-12-31' })).toMatchObject({
      code: 'unavailable',
    });
  });

  it('uses the platform’s printToPDF, print and save where the host has them', async () => {
    const printed: string[] = [];
    const saved: { defaultName: string; bytes: Uint8Array }[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-report-platform-'));
    const electronish = await testRegistry({
      file: path.join(dir, 'registry.db'),
      platform: {
        kind: 'electron',
        printToPdf: async (html) => new TextEncoder().encode(`%PDF-fake ${html.length}`),
        print: async (html) => (printed.push(html), true),
        saveFile: async (o) => (saved.push(o), `/chosen/${o.defaultName}`),
      },
    });
    try {
      const pdf = await call<{ base64: string }>(electronish, 'reports:pdf', {
        asOf: '2025-12-31',
      });
      expect(Buffer.from(pdf.base64, 'base64').toString()).toMatch(/^%PDF-fake \d+$/);
      expect(await call(electronish, 'reports:print', { asOf: '2025-12-31' })).toEqual({
        printed: true,
      });
      expect(printed[0]).toContain('@page');
      expect(await call(electronish, 'reports:save', { asOf: '2025-12-31' })).toEqual({
        path: '/chosen/youcheng-annual-2025-12-31.pdf',
      });
      expect(Buffer.from(saved[0]?.bytes ?? []).toString()).toMatch(/^%PDF-fake/);
    } finally {
      await electronish.close();
    }
  });
});
