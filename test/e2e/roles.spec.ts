import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type Host } from './fixtures';
import { showColumn } from './pages/grid';

/**
 * Roles you can see (issue 23): a viewer's screens carry no control that writes, an editor's
 * no decision; the sign-in screen names the office and the registry and switches language;
 * passwords are typed twice and each member changes their own; a visit's ties are picked.
 */

/** The UI's labels this test looks for, as the string files have them (shared/i18n). */
const LABELS: Record<'zh' | 'en', Record<string, string>> = {
  zh: {
    'app.language': '语言',
    'app.name': '友城',
    'auth.changePassword': '修改密码…',
    'auth.confirmPassword': '再次输入新密码',
    'auth.newPassword': '新密码',
    'auth.oldPassword': '当前密码',
    'auth.openHere': '在浏览器中，登记库由审批人登录后切换，因为切换会影响所有标签页。',
    'auth.passwordChanged': '您的密码已修改。',
    'auth.title': '登录',
    'auth.wrongOldPassword': '当前密码不正确。',
    'backups.backUpNow': '立即备份',
    'backups.restore': '恢复…',
    'errors.validation.passwordMismatch': '两次输入的密码不一致：请输入相同的密码。',
    'followups.bringBack': '恢复提醒',
    'followups.dismiss': '忽略…',
    'followups.snooze': '暂缓…',
    'grid.bulkTitle': '为所选各行设置同一列',
    'grid.create': '创建',
    'grid.delete': '删除',
    'grid.restore': '恢复',
    'import.wizard.open': '导入…',
    'letterUi.attach': '附上扫描件…',
    'lettersGrid.add': '新增意向书',
    'menu.edit': '编辑',
    'menu.find': '查找',
    'menu.paste': '粘贴',
    'menu.undo': '撤销',
    'nav.approvals': '报批',
    'nav.followups': '跟进提醒',
    'nav.letters': '意向书',
    'nav.pipeline': '进展看板',
    'nav.places': '地区与城市',
    'nav.reports': '报表',
    'nav.settings': '设置',
    'nav.ties': '友城关系',
    'nav.visits': '出访来访',
    'pipeline.moveTo': '转到…',
    'places.edit': '编辑',
    'places.merge': '合并',
    'places.mergeSelected': '合并所选两项',
    'places.undo': '撤销',
    'settingsUi.addStep': '增加审批机关',
    'settingsUi.removeStep': '删除',
    'settingsUi.save': '保存',
    'staff.add': '添加工作人员',
    'tiesGrid.add': '新增友城关系',
    'undo.redo': '重做',
    'undo.title': '操作记录',
    'undo.undo': '撤销',
    'views.save': '保存视图…',
    'visitColumns.country': '国家',
    'visitColumns.leader': '团长',
    'visitColumns.local': '我方',
    'visitColumns.start_on': '开始日期',
    'visitColumns.ties': '相关友城',
    'visitsGrid.add': '新增团组',
    'workflowUi.record': '记录批复',
    'workflowUi.submit': '报送审批',
  },
  en: {
    'app.language': 'Language',
    'app.name': 'Youcheng',
    'auth.changePassword': 'Change password…',
    'auth.confirmPassword': 'New password again',
    'auth.newPassword': 'New password',
    'auth.oldPassword': 'Current password',
    'auth.openHere':
      'In the browser the registry is switched by an Approver after signing in, because it switches it for every tab.',
    'auth.passwordChanged': 'Your password was changed.',
    'auth.title': 'Sign in',
    'auth.wrongOldPassword': 'That is not your current password.',
    'backups.backUpNow': 'Back up now',
    'backups.restore': 'Restore…',
    'errors.validation.passwordMismatch': 'The two passwords differ: type the same password twice.',
    'followups.bringBack': 'Bring back',
    'followups.dismiss': 'Dismiss…',
    'followups.snooze': 'Snooze…',
    'grid.bulkTitle': 'Set one column for the selected rows',
    'grid.create': 'Create',
    'grid.delete': 'Delete',
    'grid.restore': 'Restore',
    'import.wizard.open': 'Import…',
    'letterUi.attach': 'Attach scan…',
    'lettersGrid.add': 'Add letter',
    'menu.edit': 'Edit',
    'menu.find': 'Find',
    'menu.paste': 'Paste',
    'menu.undo': 'Undo',
    'nav.approvals': 'Approvals',
    'nav.followups': 'Follow-ups',
    'nav.letters': 'Letters of intent',
    'nav.pipeline': 'Pipeline',
    'nav.places': 'Places',
    'nav.reports': 'Reports',
    'nav.settings': 'Settings',
    'nav.ties': 'Ties',
    'nav.visits': 'Visits',
    'pipeline.moveTo': 'Move to…',
    'places.edit': 'Edit',
    'places.merge': 'Merge',
    'places.mergeSelected': 'Merge the two selected',
    'places.undo': 'Undo',
    'settingsUi.addStep': 'Add authority',
    'settingsUi.removeStep': 'Remove',
    'settingsUi.save': 'Save',
    'staff.add': 'Add staff',
    'tiesGrid.add': 'Add tie',
    'undo.redo': 'Redo',
    'undo.title': 'History',
    'undo.undo': 'Undo',
    'views.save': 'Save view…',
    'visitColumns.country': 'Country',
    'visitColumns.leader': 'Leader',
    'visitColumns.local': 'Our locality',
    'visitColumns.start_on': 'From',
    'visitColumns.ties': 'Ties served',
    'visitsGrid.add': 'Add visit',
    'workflowUi.record': 'Record decision',
    'workflowUi.submit': 'Submit for approval',
  },
};

/** A label of the UI as shown (the string files pull in datasets Playwright's loader cannot). */
function formatMessage(key: string, _params: object, lang: 'zh' | 'en'): string {
  const text = LABELS[lang][key];
  if (text === undefined) throw new Error(`no label ${key}`);
  return text;
}

const base = { local: '南京市', local_level: 'city' };

/** A small office: ties at several stages, a letter, a waiting step, a visit. */
async function office(host: Host): Promise<void> {
  await host.call('staff:create', { name: '李伟', password: 'approver pass' });
  await host.call('staff:create', { name: 'Zhang Min', password: 'viewer pass', role: 'viewer' });
  await host.call('staff:create', { name: '王芳', password: 'editor pass', role: 'editor' });
  await host.call('ties:create', {
    ...base,
    partner: 'Nagoya',
    country: 'JP',
    stage: 'established',
    established_on: '1978-05-29',
  });
  const perth = await host.call<{ id: string; version: number }>('ties:create', {
    ...base,
    partner: 'Perth',
    country: 'AU',
    stage: 'intent',
    intent_signed_on: '2025-01',
  });
  await host.call('letters:create', { tie_id: perth.id, title: '意向书', signed_on: '2025-01-15' });
  // Submitted: the chain's first step waits (a decision an editor does not see).
  const now = await host.call<{ version: number }>('ties:get', { id: perth.id });
  await host.call('workflow:submit', {
    id: perth.id,
    version: now.version,
    submitted_on: '2025-02-01',
  });
  await host.call('ties:create', { ...base, partner: 'Leipzig', country: 'DE', stage: 'contact' });
  await host.call('visits:create', {
    direction: 'outgoing',
    local: '南京市',
    country: 'JP',
    leader: '张市长',
    start_on: '2024-04-02',
    size: 6,
  });
}

async function signIn(page: Page, host: Host, name: string, password: string, lang: 'zh' | 'en') {
  await page.goto(host.url);
  const form = page.getByRole('form', { name: lang === 'zh' ? '登录' : 'Sign in' });
  await form.getByLabel(lang === 'zh' ? '姓名' : 'Name').fill(name);
  await form.getByLabel(lang === 'zh' ? '密码' : 'Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: lang === 'zh' ? '登录' : 'Sign in' }).click();
  await expect(page.getByTestId('session-badge')).toBeVisible();
}

/** The labels of every control that writes, in the language shown. */
const WRITES = [
  'undo.undo',
  'undo.redo',
  'undo.title',
  'grid.delete',
  'grid.restore',
  'grid.bulkTitle',
  'views.save',
  'import.wizard.open',
  'tiesGrid.add',
  'lettersGrid.add',
  'visitsGrid.add',
  'settingsUi.save',
  'settingsUi.addStep',
  'settingsUi.removeStep',
  'places.undo',
  'places.edit',
  'places.merge',
  'places.mergeSelected',
  'followups.snooze',
  'followups.dismiss',
  'followups.bringBack',
  'backups.backUpNow',
  'backups.restore',
  'staff.add',
  'letterUi.attach',
  'workflowUi.record',
  'workflowUi.submit',
];

async function expectNoWriteControl(page: Page, lang: 'zh' | 'en', screen: string) {
  const main = page.locator('main.content');
  for (const key of WRITES) {
    const label = formatMessage(key, {}, lang);
    await expect(
      main.getByRole('button', { name: label, exact: true }),
      `${screen}: no “${label}”`,
    ).toHaveCount(0);
  }
  // Grid cells open no editor, the pipeline's cards do not drag, no field takes text.
  await expect(main.locator('.card[draggable="true"]')).toHaveCount(0);
  await expect(
    main.locator('select[aria-label^="' + formatMessage('pipeline.moveTo', {}, lang) + '"]'),
  ).toHaveCount(0);
  // :enabled, as a disabled fieldset disables what it holds without an attribute of theirs.
  const typeable = main.locator(
    'input:enabled:not([type="search"]):not([type="checkbox"]):not([type="number"]):not([readonly]), textarea:enabled',
  );
  // The report's parameters and the filters are reads; Settings and Places have no open field.
  if (screen === 'settings' || screen === 'places') await expect(typeable).toHaveCount(0);
}

/** Serious and critical axe findings (as screens.spec.ts checks every screen). */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true)
    .options({ iframes: false })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const SCREENS = [
  'ties',
  'letters',
  'approvals',
  'visits',
  'pipeline',
  'followups',
  'reports',
  'places',
  'settings',
] as const;

for (const lang of ['zh', 'en'] as const) {
  test.describe(`roles you can see, in ${lang}`, () => {
    test.use({ lang });

    test('a viewer sees every screen read-only', async ({ page, host, pageErrors }) => {
      test.setTimeout(180_000);
      await office(host);
      await signIn(page, host, 'Zhang Min', 'viewer pass', lang);
      await expect(page.getByTestId('session-badge')).toContainText(
        lang === 'zh' ? 'Zhang Min · 查看' : 'Zhang Min · Viewer',
      );
      for (const screen of SCREENS) {
        await page
          .getByRole('navigation', { name: formatMessage('app.name', {}, lang) })
          .getByRole('button', { name: new RegExp(`^${formatMessage(`nav.${screen}`, {}, lang)}`) })
          .click();
        await page.waitForTimeout(screen === 'reports' ? 1500 : 600);
        await expectNoWriteControl(page, lang, screen);
        if (screen === 'ties') {
          // A double click opens no editor.
          await page.locator('.ag-row .ag-cell[col-id="partner"]').first().dblclick();
          await expect(page.locator('.ag-cell-inline-editing, .ag-popup-editor')).toHaveCount(0);
        }
        await screenshot(page, `viewer-${screen}-${lang}`);
      }
      // The in-app menu offers no write either.
      await page
        .getByRole('button', { name: formatMessage('menu.edit', {}, lang), exact: true })
        .click();
      const menu = page.getByRole('menu');
      await expect(
        menu.getByRole('menuitem', { name: formatMessage('menu.undo', {}, lang) }),
      ).toHaveCount(0);
      await expect(
        menu.getByRole('menuitem', { name: formatMessage('menu.paste', {}, lang) }),
      ).toHaveCount(0);
      await expect(
        menu.getByRole('menuitem', { name: formatMessage('menu.find', {}, lang) }),
      ).toHaveCount(1);
      await page.keyboard.press('Escape');
      // The report preview's sandbox refuses the printed document's scripts (reports.spec.ts).
      expect(
        pageErrors.filter(
          (e) => !e.includes('403') && !/^Blocked script execution in 'about:srcdoc'/.test(e),
        ),
      ).toEqual([]);
    });

    test('the sign-in screen names the office and the registry, and switches language', async ({
      page,
      host,
      pageErrors,
    }) => {
      await host.call('staff:create', { name: '李伟', password: 'approver pass' });
      await host.call('settings:update', {
        patch: { officeName: '南京市外事办公室', officeNameEn: 'Nanjing FAO' },
      });
      await page.goto(host.url);
      const where = page.getByTestId('signin-where');
      await expect(where).toContainText(lang === 'zh' ? '南京市外事办公室' : 'Nanjing FAO');
      await expect(where).toContainText('registry.db');
      // The browser host cannot switch its registry for a tab before sign-in, and says why.
      await expect(page.locator('.signin-other')).toHaveText(
        formatMessage('auth.openHere', {}, lang),
      );
      await screenshot(page, `signin-${lang}`);
      expect(await axeProblems(page)).toEqual([]);
      const other = lang === 'zh' ? 'en' : 'zh';
      await page
        .getByRole('combobox', { name: formatMessage('app.language', {}, lang) })
        .selectOption(other);
      await expect(
        page.getByRole('heading', { name: formatMessage('auth.title', {}, other) }),
      ).toBeVisible();
      await expect(where).toContainText(other === 'zh' ? '南京市外事办公室' : 'Nanjing FAO');
      // Remembered: a reload keeps the choice.
      await page.reload();
      await expect(
        page.getByRole('heading', { name: formatMessage('auth.title', {}, other) }),
      ).toBeVisible();
      expect(pageErrors).toEqual([]);
    });

    test('every member changes their own password, the old one required', async ({
      page,
      host,
      pageErrors,
    }) => {
      await host.call('staff:create', { name: '李伟', password: 'approver pass' });
      await host.call('staff:create', {
        name: 'Zhang Min',
        password: 'viewer pass',
        role: 'viewer',
      });
      await signIn(page, host, 'Zhang Min', 'viewer pass', lang);
      await page
        .getByRole('button', { name: formatMessage('auth.changePassword', {}, lang) })
        .click();
      const dialog = page.getByRole('dialog');
      const old = dialog.getByLabel(formatMessage('auth.oldPassword', {}, lang));
      const fresh = dialog.getByLabel(formatMessage('auth.newPassword', {}, lang), { exact: true });
      const again = dialog.getByLabel(formatMessage('auth.confirmPassword', {}, lang));
      const submit = dialog.getByRole('button', {
        name: formatMessage('auth.changePassword', {}, lang),
      });
      await old.fill('viewer pass');
      await fresh.fill('a new password');
      await again.fill('a new pasword');
      await submit.click();
      await expect(dialog.getByRole('alert')).toHaveText(
        formatMessage('errors.validation.passwordMismatch', {}, lang),
      );
      await again.fill('a new password');
      await old.fill('not my password');
      await submit.click();
      await expect(dialog.getByRole('alert')).toHaveText(
        formatMessage('auth.wrongOldPassword', {}, lang),
      );
      await screenshot(page, `change-password-refused-${lang}`);
      expect(await axeProblems(page)).toEqual([]);
      await old.fill('viewer pass');
      await submit.click();
      await expect(page.getByTestId('session-badge')).toContainText(
        formatMessage('auth.passwordChanged', {}, lang),
      );
      expect(
        await host.raw('auth:signIn', { name: 'Zhang Min', password: 'viewer pass' }),
      ).toMatchObject({ ok: false });
      expect(
        await host.raw('auth:signIn', { name: 'Zhang Min', password: 'a new password' }),
      ).toMatchObject({ ok: true });
      expect(pageErrors.filter((e) => !e.includes('403') && !e.includes('400'))).toEqual([]);
    });

    test('an editor sees no decision, and picks the ties a visit served', async ({
      page,
      host,
      pageErrors,
    }) => {
      await office(host);
      await signIn(page, host, '王芳', 'editor pass', lang);
      // The approvals grid's outcome opens no editor for an editor.
      await page
        .getByRole('navigation', { name: formatMessage('app.name', {}, lang) })
        .getByRole('button', { name: formatMessage('nav.approvals', {}, lang) })
        .click();
      const outcome = page.locator('.ag-row .ag-cell[col-id="outcome"]').first();
      if ((await outcome.count()) > 0) {
        await outcome.dblclick();
        await expect(page.locator('.ag-cell-inline-editing, .ag-popup-editor')).toHaveCount(0);
      }

      await page
        .getByRole('navigation', { name: formatMessage('app.name', {}, lang) })
        .getByRole('button', { name: formatMessage('nav.visits', {}, lang) })
        .click();
      await page.getByRole('button', { name: formatMessage('visitsGrid.add', {}, lang) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(formatMessage('visitColumns.local', {}, lang)).fill('南京市');
      await dialog
        .getByLabel(formatMessage('visitColumns.country', {}, lang))
        .fill(lang === 'zh' ? '日本' : 'Japan');
      await dialog
        .getByLabel(formatMessage('visitColumns.leader', {}, lang), { exact: true })
        .fill('李市长');
      await dialog.getByLabel(formatMessage('visitColumns.start_on', {}, lang)).fill('2025-06-03');
      const ties = dialog.getByRole('combobox', {
        name: formatMessage('visitColumns.ties', {}, lang),
      });
      await ties.fill('nago');
      await dialog.getByRole('option', { name: /Nagoya/ }).click();
      await ties.fill('Perth');
      await expect(dialog.getByRole('option', { name: /Perth/ })).toBeVisible();
      await ties.press('Enter');
      const chips = dialog.locator('.chip');
      await expect(chips).toHaveCount(2);
      await screenshot(page, `new-visit-ties-${lang}`);
      expect(await axeProblems(page)).toEqual([]);
      await dialog.getByRole('button', { name: formatMessage('grid.create', {}, lang) }).click();
      await expect(dialog).toHaveCount(0);
      const visits = await host.call<{
        rows: { leader: string; country: string; ties: { label: string }[] }[];
      }>('visits:list');
      const made = visits.rows.find((v) => v.leader === '李市长');
      expect(made?.country).toBe('JP');
      expect(made?.ties.map((x) => x.label).sort()).toEqual(['南京市 – Nagoya', '南京市 – Perth']);

      // The grid's ties cell: the same picker, a chip removed, one added.
      const row = page.locator('.ag-row', { has: page.locator('.ag-cell', { hasText: '张市长' }) });
      // Beyond the first screen: scrolled to, as a user does.
      await showColumn(page, 'ties');
      await row.locator('.ag-cell[col-id="ties"]').dblclick();
      const editor = page.locator('.ties-editor');
      await expect(editor).toBeVisible();
      await editor.getByRole('combobox').fill('Leipzig');
      await expect(editor.getByRole('option', { name: /Leipzig/ })).toBeVisible();
      await editor.getByRole('combobox').press('Enter');
      await expect(editor.locator('.chip')).toHaveCount(1);
      await screenshot(page, `visit-ties-cell-${lang}`);
      await editor.getByRole('combobox').press('Enter');
      await expect(row.locator('.ag-cell[col-id="ties"]')).toHaveText('Leipzig');
      // Our locality's cell offers the registry's localities.
      await showColumn(page, 'local');
      await row.locator('.ag-cell[col-id="local"]').dblclick();
      await expect(
        page.locator('.ag-cell-inline-editing datalist option[value="南京市"]'),
      ).toHaveCount(1);
      await page.locator('.ag-cell-inline-editing input').press('Escape');
      expect(pageErrors).toEqual([]);
    });

    test('follow-ups after importing a historical ledger: grouped, actionable', async ({
      page,
      host,
      pageErrors,
    }) => {
      const bytes = readFileSync('test/fixtures/ledgers/merged.xlsx').toString('base64');
      const { fileId } = await host.call<{ fileId: string }>('import:upload', {
        name: 'merged.xlsx',
        base64: bytes,
      });
      await host.call('import:run', { fileId });
      // And the office's current work beside the history: a letter waiting to go forward.
      const intent = await host.call<{ id: string }>('ties:create', {
        local: '合肥',
        partner: 'Odense',
        country: 'DK',
        stage: 'intent',
        intent_signed_on: '2024-03',
      });
      await host.call('letters:create', {
        tie_id: intent.id,
        title: '意向书',
        signed_on: '2024-03-12',
      });
      await page.goto(host.url);
      await page
        .getByRole('navigation', { name: formatMessage('app.name', {}, lang) })
        .getByRole('button', { name: new RegExp(`^${formatMessage('nav.followups', {}, lang)}`) })
        .click();
      const groups = page.locator('.followups-screen section.followup h2');
      await expect(groups.first()).toBeVisible();
      // Grouped with counts; each item offers its next action and can be set aside.
      await expect(page.getByTestId('followups-unvisited')).toContainText('5');
      const letters = page.getByTestId('followups-letters').getByTestId('followup-item');
      await expect(letters).toHaveCount(1);
      await expect(letters.getByRole('button')).toHaveCount(4);
      await screenshot(page, `followups-ledger-${lang}`);
      expect(pageErrors).toEqual([]);
    });
  });
}
