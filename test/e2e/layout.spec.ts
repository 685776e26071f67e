import { expect, screenshot, test, type Host } from './fixtures';
import { TiesPage } from './pages/ties.page';

/** The toolbar fits 1360 px, no screen scrolls past its content, Escape closes the detail. */

const SCREENS = {
  ties: { zh: '友城关系', en: 'Ties' },
  letters: { zh: '意向书', en: 'Letters of intent' },
  approvals: { zh: '报批', en: 'Approvals' },
  visits: { zh: '出访来访', en: 'Visits' },
  pipeline: { zh: '进展看板', en: 'Pipeline' },
  followups: { zh: '跟进提醒', en: 'Follow-ups' },
  reports: { zh: '报表', en: 'Reports' },
  places: { zh: '地区与城市', en: 'Places' },
  settings: { zh: '设置', en: 'Settings' },
} as const;

const LONG_PARTNER =
  'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch and the Borough of Anglesey';

async function seed(host: Host) {
  // The sample registry: follow-ups to list, backups in Settings.
  await host.call('registries:sample');
  await host.call('backups:create');
  await host.call('ties:create', {
    local: 'Nanjing',
    local_level: 'city',
    partner: LONG_PARTNER,
    country: 'GB',
    stage: 'contact',
  });
}

for (const lang of ['en', 'zh'] as const) {
  test.describe(`layout (${lang})`, () => {
    test.use({ lang });

    test('every screen ends where its content does, and the grid toolbars keep one line at 1360 px', async ({
      page,
      host,
      pageErrors,
    }) => {
      await seed(host);
      await page.setViewportSize({ width: 1360, height: 800 });
      await new TiesPage(page).open(host.url);
      for (const [screen, names] of Object.entries(SCREENS)) {
        await page
          .locator('.sidebar')
          .getByRole('button', { name: new RegExp(`^${names[lang]}`) })
          .click();
        await page.waitForTimeout(400);
        const { scroll, viewport } = await page.evaluate(() => ({
          scroll: document.scrollingElement?.scrollHeight ?? 0,
          viewport: window.innerHeight,
        }));
        expect(scroll, `${screen} scrolls past its content`).toBeLessThanOrEqual(viewport);
        const toolbar = page.locator('.grid-screen .toolbar');
        if ((await toolbar.count()) === 1) {
          // One line: every control's middle on the same line.
          const middles = await toolbar.locator(':scope > *').evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return Math.round(r.top + r.height / 2);
            }),
          );
          const heights = await toolbar.evaluate((e) => e.getBoundingClientRect().height);
          expect(heights, `${screen} toolbar wraps`).toBeLessThan(60);
          expect(
            Math.max(...middles) - Math.min(...middles),
            `${screen}: ${middles.join(',')}`,
          ).toBeLessThan(8);
        }
        if (screen === 'ties') {
          await screenshot(page, `toolbar-1360-${lang}`);
          // With a row ticked, Details joins the line, still one line.
          await page.locator('.ag-row .ag-selection-checkbox input').first().check();
          await expect(
            toolbar.getByRole('button', { name: lang === 'en' ? 'Details' : '详情' }),
          ).toBeVisible();
          expect(await toolbar.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(60);
          await screenshot(page, `toolbar-1360-selected-${lang}`);
          await page.locator('.ag-row .ag-selection-checkbox input').first().uncheck();
        }
      }
      // The report preview runs no script by design; Chromium says so.
      expect(pageErrors.filter((e) => !e.startsWith('Blocked script execution'))).toEqual([]);
    });

    test('Escape closes the detail panel, whose long title wraps beside its close button', async ({
      page,
      host,
      pageErrors,
    }) => {
      await seed(host);
      const ties = new TiesPage(page);
      await ties.open(host.url);
      await page.locator('.toolbar .quick-search').fill('Llanfair');
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '1 of 21' : '显示1条，共21条');
      const id = await ties.rowId(LONG_PARTNER);
      await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
      await page.getByRole('button', { name: lang === 'en' ? 'Details' : /详情/ }).click();
      const panel = page.locator('.detail-panel');
      await expect(panel).toBeVisible();
      const close = panel.getByRole('button', { name: lang === 'en' ? 'Close' : '关闭' }).first();
      const box = await close.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(1360);
      await screenshot(page, `detail-long-title-${lang}`);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      expect(pageErrors).toEqual([]);
    });
  });
}
