import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { createI18n } from '../../shared/i18n';
import { eventWriter } from '../support/office';
import { call, testRegistry } from '../support/registry';

/**
 * Every string a report prints from the settings or the records is escaped for where it lands:
 * HTML text, attributes, the style sheet's page margins (the office name runs in the page
 * header and footer), the document's title. Two registries alike but for their strings: in
 * one each printed field ends with markup that would end the style sheet or a script, close an
 * attribute or open a url(); in the other with harmless text of the same length. Their PDFs
 * must hold the same text, the markup printed as it was typed, on as many pages.
 */

const PLANTED = '</style><h1>x</h1><style>table{display:none}</style></script>"url(';
/**
 * Harmless, and printed alike: the font's <, = and > are as wide, and each replacement is of
 * the same line-breaking class (so cells wrap at the same places).
 */
const CLEAN = PLANTED.replace(/[<>]/g, '=').replace(/"/g, "'").replace(/\(/g, '[');

const out = path.join('test-results', 'reports');
mkdirSync(out, { recursive: true });

/** A small provincial registry whose every printed string ends with `tail`. */
async function build(registry: Registry, tail: string): Promise<{ tieId: string }> {
  const c = <T = unknown>(channel: string, input: unknown) => call<T>(registry, channel, input);
  await c('settings:update', {
    patch: {
      officeName: `江苏省外办${tail}`,
      officeNameEn: `Jiangsu FAO${tail}`,
      reportSignature: `江苏省外办（盖章）${tail}`,
      reportSignatureEn: `Jiangsu FAO (seal)${tail}`,
    },
  });
  const province = await c<{ id: string }>('localities:create', {
    name: `江苏省${tail}`,
    name_en: `Jiangsu${tail}`,
    level: 'province',
  });
  await c('localities:create', {
    name: `南京${tail}`,
    name_en: `Nanjing${tail}`,
    level: 'city',
    parent_id: province.id,
  });
  const tie = (partner: string, input: Record<string, unknown>) =>
    c<{ id: string }>('ties:create', {
      local: `南京${tail}`,
      partner: `${partner}${tail}`,
      country: 'DE',
      kind: 'friendship',
      ...input,
    });
  // New in the period (named in the narrative), a round anniversary, a suspended one, one
  // waiting for approval with its letter and step.
  await tie('Leipzig', { stage: 'established', established_on: '2025-04-02' });
  await tie('Hamburg', { stage: 'established', established_on: '2016', local: `江苏省${tail}` });
  const suspended = await tie('Bonn', { stage: 'established', established_on: '1999' });
  await eventWriter(registry)(suspended.id, {
    type: 'stage',
    stage: 'suspended',
    fromStage: 'established',
    on: '2024-03',
    note: `交往暂停${tail}`,
  });
  const pending = await tie('Kiel', { stage: 'pending', intent_signed_on: '2025-02' });
  await c('letters:create', {
    tie_id: pending.id,
    title: `结好意向书${tail}`,
    doc_type: 'letter',
    signed_on: '2025-02-10',
    status: 'active',
  });
  await c('steps:create', {
    tie_id: pending.id,
    authority: `江苏省人民政府${tail}`,
    submitted_on: '2025-06-01',
    reference_no: `苏外${tail}`,
  });
  return { tieId: pending.id };
}

let clean: Registry;
let planted: Registry;
let ties: { clean: string; planted: string };

beforeAll(async () => {
  clean = await testRegistry();
  planted = await testRegistry();
  ties = {
    clean: (await build(clean, CLEAN)).tieId,
    planted: (await build(planted, PLANTED)).tieId,
  };
}, 60_000);

afterAll(async () => {
  await Promise.all([clean.close(), planted.close()]);
});

/** The PDF's page count and its text without any whitespace (lines may break differently). */
function read(bytes: Buffer, name: string): { pages: number; text: string } {
  const file = path.join(out, `injection-${name}.pdf`);
  writeFileSync(file, bytes);
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  // In the order the text was drawn, a table cell's wrapped lines together: where a longer or
  // shorter string wraps a cell differently, the text still reads the same.
  const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), text: text.replace(/\s+/g, '') };
}

async function pdf(registry: Registry, input: Record<string, unknown>, name: string) {
  const { base64 } = await call<{ base64: string }>(registry, 'reports:pdf', input);
  return read(Buffer.from(base64, 'base64'), name);
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const t = { zh: createI18n('zh').t, en: createI18n('en').t };
/** Any run of the tables' column headings. */
const heads = Object.fromEntries(
  (['zh', 'en'] as const).map((lang) => {
    const words = Object.values(
      t[lang]('report.col', { returnObjects: true }) as Record<string, string>,
    )
      .map(squeeze)
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return [lang, new RegExp(`(${words.join('|')})+`, 'g')];
  }),
) as Record<'zh' | 'en', RegExp>;

describe('a report’s strings, escaped for where they land', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`prints the annual summary in ${lang} with the markup as text, nothing else changed`, async () => {
      const input = { asOf: '2025-12-31', lang };
      const a = await pdf(clean, input, `clean-${lang}`);
      const b = await pdf(planted, input, `planted-${lang}`);
      expect(b.pages).toBe(a.pages);
      // Every page's header and footer: the office's name (escaped into the style sheet).
      const office = (tail: string) =>
        squeeze(lang === 'zh' ? `江苏省外办${tail}` : `Jiangsu FAO${tail}`);
      expect(b.text.split(office(PLANTED)).length - 1).toBeGreaterThanOrEqual(2 * b.pages);
      // Tables, headings and the signature all printed: nothing was hidden or cut off. (The
      // running header and footer and the tables' header rows are left out: a page may break
      // a row earlier or later.)
      const running = (text: string, tail: string) =>
        text
          .split(office(tail))
          .join('')
          .split(
            squeeze(
              `${t[lang]('report.annualTitle')} · ${t[lang]('report.asOf', { date: lang === 'zh' ? '2025年12月31日' : '31 December 2025' })}`,
            ),
          )
          .join('')
          .replace(/第\d+页，共\d+页|Page\d+of\d+/g, '')
          // A split table repeats its header row on the next page.
          .replace(heads[lang], '');
      expect(running(b.text, PLANTED).split(squeeze(PLANTED)).join(squeeze(CLEAN))).toBe(
        running(a.text, CLEAN),
      );
      // Office name (page header and footer of every page, letterhead, signature), both sides
      // of ties, letters, steps, reasons: each planted string is there, more than once a page.
      expect(b.text.split(squeeze(PLANTED)).length - 1).toBeGreaterThan(10);
      const { html } = await call<{ html: string }>(planted, 'reports:html', input);
      expect(html.match(/<style/g)).toHaveLength(1);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      expect(html).not.toMatch(/<h1>x<\/h1>|<\/script>/);
    }, 60_000);
  }

  it('prints the dossier with the markup as text, nothing else changed', async () => {
    const a = await pdf(
      clean,
      { report: 'dossier', tie_id: ties.clean, lang: 'zh' },
      'dossier-clean',
    );
    const b = await pdf(
      planted,
      { report: 'dossier', tie_id: ties.planted, lang: 'zh' },
      'dossier-planted',
    );
    expect(b.pages).toBe(a.pages);
    expect(b.text.split(squeeze(PLANTED)).join(squeeze(CLEAN))).toBe(a.text);
  }, 60_000);
});
