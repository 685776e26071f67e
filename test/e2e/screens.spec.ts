import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TieRow } from '../../shared/model';
import { expect, screenshot, test, type Host } from './fixtures';

/**
 * Every screen in both languages: a screenshot of each (test-results/screenshots, looked at for
 * clipped or untranslated text), an axe-core check with no serious or critical violation, and
 * the keyboard: each control reached by Tab shows where focus is.
 */
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

/** The sample registry (twenty Nanjing ties) with a letter, a step and a visit besides. */
async function office(host: Host): Promise<void> {
  await host.call('registries:sample');
  const tie = await host.call<TieRow>('ties:create', {
    local: 'Nanjing',
    local_level: 'city',
    partner: 'Adelaide',
    partner_zh: '阿德莱德',
    country: 'AU',
    stage: 'intent',
    intent_signed_on: '2025-03',
  });
  await host.call('letters:create', {
    tie_id: tie.id,
    title: '友好交流意向书',
    signed_on: '2025-03-02',
    signed_place: '南京',
    our_signatory: '市长',
    partner_signatory: 'Mayor',
  });
  await host.call('workflow:submit', {
    id: tie.id,
    version: tie.version,
    submitted_on: '2025-10-01',
    reference_no: '宁政〔2025〕12号',
  });
  await host.call('visits:create', {
    direction: 'outgoing',
    local: 'Nanjing',
    country: 'JP',
    leader: '张三',
    leader_title: '副市长',
    start_on: '2025-04-01',
    end_on: '2025-04-06',
    size: 12,
    fields: '经贸、教育',
    ties: 'Nagoya',
  });
}

/** Serious and critical findings, one line each, for a readable failure. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // The report's preview frame is checked in place, without the extra page axe opens for
    // frames otherwise.
    .setLegacyMode(true)
    // The report's preview runs no script by design (a sandbox without allow-scripts), so axe
    // cannot run inside it; the frame element itself is still checked here.
    .options({ iframes: false })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`,
      ),
    );
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`every screen (${lang})`, () => {
    test.use({ lang });

    for (const [screen, names] of Object.entries(SCREENS)) {
      test(`${screen}: looks right and passes axe`, async ({ page, host, pageErrors }) => {
        test.slow();
        await office(host);
        await page.goto(host.url);
        await page
          .getByRole('navigation')
          .getByRole('button', { name: names[lang] })
          .first()
          .click();
        await expect(page.locator('main h1').first()).toBeVisible();
        await expect(page.locator('.loading')).toHaveCount(0);
        if (['ties', 'letters', 'approvals', 'visits'].includes(screen))
          await expect(page.locator('.ag-row').first()).toBeVisible();
        if (screen === 'reports') await expect(page.locator('iframe')).toBeVisible();
        await screenshot(page, `screen-${screen}-${lang}`);
        expect(await axeProblems(page)).toEqual([]);
        // axe's own script, injected into every frame, is refused by the report's script-less
        // sandbox: that refusal is the app's policy working, not an error of the app.
        expect(
          pageErrors.filter((e) => !/^Blocked script execution in 'about:srcdoc'/.test(e)),
        ).toEqual([]);
      });
    }

    test('the keyboard reaches every control, each showing focus', async ({
      page,
      host,
      pageErrors,
    }) => {
      test.slow();
      await office(host);
      await page.goto(host.url);
      await expect(page.locator('.ag-row').first()).toBeVisible();
      // The keyboard reaches the menu, the registry, the language, every screen and the tools,
      // each showing a focus ring.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: SCREENS.ties[lang] })
        .first()
        .click();
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      const unseen: string[] = [];
      const reached = new Set<string>();
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const name =
            el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
          const labelled =
            name !== '' ||
            (el.id !== '' && document.querySelector(`label[for="${el.id}"]`) !== null) ||
            el.closest('label') !== null;
          return {
            name: `${el.tagName.toLowerCase()}.${el.className} “${name}”`,
            ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
            labelled,
            grid: el.closest('.ag-root-wrapper') !== null,
          };
        });
        if (!focus) continue;
        reached.add(focus.name);
        // AG Grid marks its focused cell with its own border (checked on the screenshot).
        if (!focus.grid && !focus.ring) unseen.push(`${focus.name}: no focus ring`);
        if (!focus.labelled) unseen.push(`${focus.name}: no label`);
      }
      expect(reached.size).toBeGreaterThan(15);
      expect(unseen).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    test('dialogs and menus pass axe too', async ({ page, host, pageErrors }) => {
      test.slow();
      await page.goto(host.url);
      const problems: string[] = [];
      await page
        .getByRole('button', { name: lang === 'zh' ? '文件' : 'File', exact: true })
        .click();
      await expect(page.getByRole('menu')).toBeVisible();
      problems.push(...(await axeProblems(page)).map((p) => `file menu: ${p}`));
      await page
        .getByRole('menuitem', { name: lang === 'zh' ? '打开登记簿…' : 'Open registry…' })
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      problems.push(...(await axeProblems(page)).map((p) => `registries: ${p}`));
      await page.keyboard.press('Escape');
      await page
        .getByRole('button', { name: lang === 'zh' ? '帮助' : 'Help', exact: true })
        .click();
      await page
        .getByRole('menuitem', { name: lang === 'zh' ? '关于友城' : 'About Youcheng' })
        .click();
      await expect(page.getByRole('dialog')).toContainText('0.1.0');
      await screenshot(page, `about-${lang}`);
      problems.push(...(await axeProblems(page)).map((p) => `about: ${p}`));
      await page.keyboard.press('Escape');
      await host.call('settings:update', { patch: { officeName: null } });
      await page.reload();
      await expect(page.getByRole('dialog')).toBeVisible();
      problems.push(...(await axeProblems(page)).map((p) => `first run: ${p}`));
      expect(problems).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
}
