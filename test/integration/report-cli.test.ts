import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/cli';
import { PRINTER_IDLE_MS } from '../../main/reports/chromium';
import { buildOffice, eventWriter, OFFICE_2025 } from '../support/office';
import { call, testRegistry } from '../support/registry';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yc-report-cli-'));
  db = path.join(dir, 'registry.db');
  const registry = await testRegistry({ file: db });
  await buildOffice((channel, input) => call(registry, channel, input), eventWriter(registry));
  await registry.close();
});

async function run(...args: string[]) {
  const c = capture();
  const code = await main(['report', '--db', db, ...args], c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('youcheng report', () => {
  it('prints the figures of the contract as JSON on standard output', async () => {
    const { code, out, err } = await run('--as-of', '2025-12-31');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual(OFFICE_2025);
  });

  it('takes the period, a locality and ledger-style dates', async () => {
    const { code, out } = await run(
      '--as-of',
      '2025年12月31日',
      '--since',
      '2025/3/1',
      '--locality',
      '南京',
    );
    expect(code).toBe(0);
    const figures = JSON.parse(out);
    expect(figures.asOf).toBe('2025-12-31');
    expect(figures.established).toMatchObject({ total: 8, since: 1 });
  });

  it('writes the HTML document and the PDF to files', async () => {
    const html = path.join(dir, 'annual.html');
    expect(
      (await run('--as-of', '2025-12-31', '--format', 'html', '--lang', 'en', '--out', html)).code,
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('the province has 11 friendship cities');
    const pdf = path.join(dir, 'annual.pdf');
    const result = await run(
      '--as-of',
      '2025-12-31',
      '--format',
      'pdf',
      '--lang',
      'zh',
      '--out',
      pdf,
    );
    expect(result).toMatchObject({ code: 0, out: '' });
    expect(result.err).toContain(`wrote ${pdf}`);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('全省共有国际友好城市11对');
  }, 60_000);

  it('exits by itself once the PDF is written, without waiting for the warm Chromium', () => {
    const pdf = path.join(dir, 'annual-bin.pdf');
    const started = Date.now();
    // A browser left open would hold the process until its idle close, a minute later.
    const run = spawnSync(
      process.execPath,
      [
        'bin/youcheng.mjs',
        'report',
        '--db',
        db,
        '--as-of',
        '2025-12-31',
        '--format',
        'pdf',
        '--out',
        pdf,
      ],
      { encoding: 'utf8', timeout: PRINTER_IDLE_MS - 5_000 },
    );
    expect(Date.now() - started).toBeLessThan(PRINTER_IDLE_MS - 5_000);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);

  it('refuses bad flags with a message naming the flag, and prints nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--as-of', '2025-13-01'], /--as-of: “2025-13-01”: there is no month 13/],
      [['--as-of', '2025'], /--as-of: give a full day/],
      [['--as-of', '2025-12-31', '--since', 'soon'], /--since: “soon” is not a date/],
      [['--as-of', '2025-06-30', '--since', '2025-07-01'], /--since 2025-07-01 is after --as-of/],
      [
        ['--as-of', '2025-12-31', '--locality', '无锡', '--lang', 'en'],
        /locality: There is no locality named “无锡”/,
      ],
      // Without --lang, messages speak the document's language: the registry's, else Chinese.
      [['--as-of', '2025-12-31', '--locality', '无锡'], /locality: 没有名为“无锡”的地区/],
      [['--as-of', '2025-12-31', '--format', 'docx'], /“docx” is not a format/],
      [['--as-of', '2025-12-31', '--format', 'pdf'], /add --out FILE/],
      [['--as-of', '2025-12-31', '--lang', 'fr'], /“fr” is not a language/],
      [[], /--as-of <date>' not specified/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(out, args.join(' ')).toBe('');
      expect(err, args.join(' ')).toMatch(message);
    }
  });
});
