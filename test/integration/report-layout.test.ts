import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/cli';
import type { Registry } from '../../main/registry';
import { createI18n } from '../../shared/i18n';
import { buildProvince } from '../support/province';
import { call, testRegistry } from '../support/registry';

/**
 * The printed annual summary's layout rules, read back from the PDF page by page with
 * pdftotext: a page never holds only the signature block or only a table's total row, and the
 * first page carries the title, the figures and the narrative. A small registry (the Nanjing
 * sample, imported as staff would) and a provincial one of 97 ties, in both languages.
 */

const out = path.join('test-results', 'reports');
mkdirSync(out, { recursive: true });
const registries: Registry[] = [];

async function sample(): Promise<Registry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-layout-'));
  const file = path.join(dir, 'sample.db');
  const io = { out: () => undefined, err: () => undefined };
  expect(await main(['import', '--db', file, 'test/fixtures/nanjing-ties.csv'], io)).toBe(0);
  return testRegistry({ file });
}

let small: Registry;
let large: Registry;

beforeAll(async () => {
  small = await sample();
  large = await testRegistry();
  registries.push(small, large);
  await buildProvince((channel, input) => call(large, channel, input));
}, 120_000);

afterAll(async () => {
  await Promise.all(registries.map((r) => r.close()));
});

/** Each page's text lines (pdftotext -layout), without the running header and the footer. */
function pages(
  file: string,
): { lines: string[]; footer: string; bottom: number; height: number }[] {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(count).toBeGreaterThan(0);
  return Array.from({ length: count }, (_, i) => {
    const page = ['-f', String(i + 1), '-l', String(i + 1)];
    const run = spawnSync('pdftotext', [...page, '-layout', file, '-'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    // The footer is the last line (the page counter); from page 2 the header is the first.
    const footer = lines.pop() ?? '';
    expect(footer).toMatch(new RegExp(`(第${i + 1}页，共${count}页|Page ${i + 1} of ${count})`));
    if (i > 0) lines.shift();
    // How far down the page the body's last word reaches (the footer's margin left out).
    const bbox = spawnSync('pdftotext', [...page, '-bbox', file, '-'], { encoding: 'utf8' });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox.stdout)?.[1]);
    const margin = height - (18 / 25.4) * 72;
    const bottom = Math.max(
      ...[...bbox.stdout.matchAll(/yMax="([\d.]+)"/g)]
        .map((m) => Number(m[1]))
        .filter((y) => y < margin),
    );
    return { lines, footer, bottom, height };
  });
}

async function pdf(registry: Registry, name: string, lang: 'zh' | 'en', asOf = '2025-12-31') {
  const { base64 } = await call<{ base64: string }>(registry, 'reports:pdf', { asOf, lang });
  const file = path.join(
    out,
    `layout-${name}-${lang}${asOf === '2025-12-31' ? '' : `-${asOf}`}.pdf`,
  );
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return pages(file);
}

const t = { zh: createI18n('zh').t, en: createI18n('en').t };
/** Every column heading of the report's tables, in a language. */
const heads = (lang: 'zh' | 'en') =>
  Object.values(t[lang]('report.col', { returnObjects: true }) as Record<string, string>);

/**
 * Whether a page's lines are nothing but table headings, total rows and the signature block:
 * what a page must never hold alone.
 */
function onlyTailOf(lines: readonly string[], lang: 'zh' | 'en', signer: string): boolean {
  const total = t[lang]('report.col.total');
  const headings = heads(lang).sort((a, b) => b.length - a.length);
  // A long signer may wrap: each of its words is the signature's.
  const signature = [
    t[lang]('report.preparedBy'),
    t[lang]('report.reviewedBy'),
    signer,
    ...signer.split(' ').filter((w) => w.length > 0),
  ];
  const date = /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [A-Z][a-z]+ \d{4}/g;
  return lines.every((line) => {
    if (line.startsWith(total)) return true;
    let rest = line;
    for (const word of [...headings, ...signature]) rest = rest.split(word).join('');
    return rest.replace(date, '').replace(/\s+/g, '') === '';
  });
}

/** The provincial registry's names, as test/support/province.ts sets them. */
const LARGE = {
  name: 'large',
  office: {
    zh: '安徽省人民政府外事办公室',
    en: 'Foreign Affairs Office of the People’s Government of Anhui Province',
  },
  signer: {
    zh: '安徽省人民政府外事办公室（盖章）',
    en: 'Foreign Affairs Office of Anhui Province (seal)',
  },
} as const;

describe('the printed annual summary', () => {
  it('knows a page that holds only a total row or the signature', () => {
    const signer = '安徽省人民政府外事办公室（盖章）';
    expect(onlyTailOf(['填报人', `审核人 ${signer}`, '2025年12月31日'], 'zh', signer)).toBe(true);
    expect(onlyTailOf(['国家 大洲 数量（对） 占比', '合计 95 100%'], 'zh', signer)).toBe(true);
    expect(onlyTailOf(['Total 3 19 2 16'], 'en', '')).toBe(true);
    expect(onlyTailOf(['日本 亚洲 10 10.5%', '合计 95 100%'], 'zh', signer)).toBe(false);
    expect(onlyTailOf(['2021-08-05 Xuancheng Ballarat Australia 5', 'Prepared by'], 'en', '')).toBe(
      false,
    );
  });

  // Other dates fill the pages differently: every one keeps the rules.
  for (const asOf of ['2024-12-31', '2023-06-30', '2019-12-31', '2010-12-31']) {
    for (const lang of ['zh', 'en'] as const) {
      it(`keeps the large registry's pages whole as of ${asOf}, in ${lang}`, async () => {
        const printed = await pdf(large, 'large', lang, asOf);
        const signer = LARGE.signer[lang];
        printed.forEach((page, i) => {
          expect(
            onlyTailOf(page.lines, lang, signer),
            `page ${i + 1} holds only a total row or the signature: ${page.lines.join(' / ')}`,
          ).toBe(false);
        });
      }, 60_000);
    }
  }

  const cases = [{ name: 'small', office: null, signer: null }, LARGE] as const;
  for (const c of cases) {
    for (const lang of ['zh', 'en'] as const) {
      it(`keeps the ${c.name} registry's pages whole, in ${lang}`, async () => {
        const printed = await pdf(c.name === 'small' ? small : large, c.name, lang);
        const first = printed[0]?.lines.join('\n') ?? '';
        expect(first).toContain(t[lang]('report.annualTitle'));
        expect(first).toContain(t[lang]('report.section.summary'));
        // The office's name once on page 1: as the letterhead, not again in a running header.
        if (c.office) expect(first.split(c.office[lang])).toHaveLength(2);
        // The footer: the office (the period where there is none) and the page; no "generated by".
        for (const page of printed) {
          if (c.office) expect(page.footer).toContain(c.office[lang]);
          expect(page.footer).not.toContain(t[lang]('report.generated'));
        }
        // No large gap: page 1's text reaches into the last fifth of the page.
        const one = printed[0] as { bottom: number; height: number };
        expect(one.bottom / one.height).toBeGreaterThan(0.75);
        printed.forEach((page, i) => {
          expect(page.lines.length, `page ${i + 1} is empty`).toBeGreaterThan(0);
          expect(
            onlyTailOf(page.lines, lang, c.signer?.[lang] ?? ''),
            `page ${i + 1} holds only a total row or the signature: ${page.lines.join(' / ')}`,
          ).toBe(false);
        });
        // The signature is printed, on the last page.
        expect(printed.at(-1)?.lines.join('\n')).toContain(t[lang]('report.reviewedBy'));
      }, 60_000);
    }
  }
});
