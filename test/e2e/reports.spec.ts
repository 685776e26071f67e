import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { firstDay } from '../../shared/dates';
import { buildOffice, CONFIDENTIAL_REASON, type EventWriter } from '../support/office';
import { expect, screenshot, test, type Host } from './fixtures';
import { ReportsPage } from './pages/reports.page';

/** The tie workflow's dated events (issue 5), written beside the running host as it would. */
function sqliteEvents(file: string): EventWriter {
  return async (tieId, e) => {
    const db = new Database(file, { timeout: 5000 });
    try {
      const { seq } = db
        .prepare('select coalesce(max(seq), 0) + 1 as seq from tie_events where tie_id = ?')
        .get(tieId) as { seq: number };
      db.prepare(
        `insert into tie_events (id, tie_id, seq, type, stage, from_stage, kind, from_kind,
           occurred_on, occurred_key, note, confidential, recorded_by, recorded_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'tester', '2026-01-15T09:00:00.000Z')`,
      ).run(
        `evt-${tieId}-${seq}`,
        tieId,
        seq,
        e.type,
        e.stage ?? null,
        e.fromStage ?? null,
        e.kind ?? null,
        e.fromKind ?? null,
        e.on,
        e.on === null ? null : firstDay(e.on),
        e.note ?? null,
        e.confidential ? 1 : 0,
      );
      if (e.type === 'stage')
        db.prepare('update ties set stage = ? where id = ?').run(e.stage, tieId);
      else db.prepare('update ties set kind = ? where id = ?').run(e.kind, tieId);
    } finally {
      db.close();
    }
  };
}

const office = (host: Host) =>
  buildOffice((channel, input) => host.call(channel, input), sqliteEvents(host.db));

/**
 * The fixtures' init script (the language) is offered to every frame; the preview's sandbox
 * refuses it, as it refuses any script. That refusal is the sandbox working, not an error.
 */
function errors(pageErrors: readonly string[]): string[] {
  return pageErrors.filter((e) => !/^Blocked script execution in 'about:srcdoc'/.test(e));
}

function pdfText(file: string): string {
  return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
}

test.describe('the Reports screen in Chinese', () => {
  test.use({ lang: 'zh' });

  test('previews the annual summary as of a date, saves it as PDF and prints it', async ({
    page,
    host,
    pageErrors,
  }) => {
    await office(host);
    const reports = new ReportsPage(page);
    await reports.open(host.url);
    await reports.asOf('2025-12-31');
    const doc = reports.document;
    await expect(doc.locator('h1')).toHaveText('国际友好城市工作年度统计');
    await expect(doc.locator('.narrative')).toContainText(
      '截至2025年12月31日，全省共有国际友好城市11对，分布在5个大洲的8个国家。',
    );
    await expect(doc.locator('.office')).toHaveText('江苏省人民政府外事办公室');
    await expect(doc.locator('svg')).toHaveCount(2);
    // The preview is the printed document: its one style element got the page's nonce.
    await expect(doc.locator('h2').first()).toHaveCSS('border-left-style', 'solid');
    await screenshot(page, 'reports-annual-zh');

    const file = await reports.savePdf();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(file)).toContain('全省共有国际友好城市11对');
    await expect(reports.status).toHaveText('PDF已下载。');

    // In the browser the frame's document goes to the browser's own print dialog.
    await page.evaluate(() => {
      const w = document.querySelector<HTMLIFrameElement>('.report-preview iframe')?.contentWindow;
      if (w) w.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: '打印…' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

    await reports.choose(/^报表类型$/, /^友城档案$/);
    await reports.choose(/^友城关系$/, /Leipzig/);
    await expect(doc.locator('h1')).toContainText('Leipzig');
    await expect(doc.locator('body')).toContainText('内部事项，不予打印');
    await expect(doc.locator('body')).not.toContainText(CONFIDENTIAL_REASON);
    await screenshot(page, 'reports-dossier-zh');
    expect(errors(pageErrors)).toEqual([]);
  });

  test('names a bad date and keeps the last preview', async ({ page, host, pageErrors }) => {
    await office(host);
    const reports = new ReportsPage(page);
    await reports.open(host.url);
    await reports.asOf('2025-12-31');
    await expect(reports.document.locator('.narrative')).toContainText('11对');
    await reports.asOf('2025-13-01');
    await expect(reports.status).toContainText('2025-13-01');
    await expect(reports.document.locator('.narrative')).toContainText('11对');
    expect(errors(pageErrors)).toEqual([]);
  });
});

test.describe('the Reports screen in English', () => {
  test.use({ lang: 'en' });

  test('previews a report in either language and a country list', async ({
    page,
    host,
    pageErrors,
  }) => {
    await office(host);
    const reports = new ReportsPage(page);
    await reports.open(host.url);
    await reports.asOf('2025-12-31');
    await expect(reports.document.locator('.narrative')).toContainText(
      'As of 31 December 2025, the province has 11 friendship cities in 8 countries on 5 continents.',
    );
    await screenshot(page, 'reports-annual-en');
    await reports.language('zh');
    await expect(reports.document.locator('.narrative')).toContainText('全省共有国际友好城市11对');
    await reports.language('en');
    await reports.choose(/^Locality$/, /^南京$/);
    await expect(reports.document.locator('.meta')).toContainText('Scope: Nanjing');
    await expect(reports.document.locator('.narrative')).toContainText(
      'Nanjing has 8 friendship cities in 8 countries',
    );
    await reports.choose(/^Locality$/, /^All localities$/);
    await reports.choose(/^Report type$/, /^Country list$/);
    await reports.choose(/^Country$/, /^France$/);
    await expect(reports.document.locator('h1')).toHaveText('Ties with France');
    await expect(reports.document.locator('tbody tr')).toHaveCount(2);
    await screenshot(page, 'reports-country-en');
    expect(errors(pageErrors)).toEqual([]);
  });
});
