import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LocalityRow } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { expect, screenshot, startHost, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const words = {
  zh: {
    welcome: '欢迎使用友城',
    office: '单位名称',
    place: '辖区名称',
    level: '级别',
    signature: '报告落款',
    start: '开始使用',
    sample: '打开示例登记簿',
    file: '文件',
    newRegistry: '新建登记簿…',
    openRegistry: '打开登记簿…',
    path: '本机上的文件（完整路径）',
    make: '新建',
    ties: '友城关系',
  },
  en: {
    welcome: 'Welcome to Youcheng',
    office: 'Office name',
    place: 'Name of the jurisdiction',
    level: 'Its level',
    signature: 'Signature line of reports',
    start: 'Start',
    sample: 'Open the sample registry',
    file: 'File',
    newRegistry: 'New registry…',
    openRegistry: 'Open registry…',
    path: 'File on this computer (full path)',
    make: 'Make it',
    ties: 'Ties',
  },
} as const;

for (const lang of ['zh', 'en'] as const) {
  const w = words[lang];
  test.describe(`first run (${lang})`, () => {
    test.use({ lang, firstRun: true });

    test('asks which office this is, and keeps the answers in the registry', async ({
      page,
      host,
      pageErrors,
    }) => {
      await page.goto(host.url);
      const dialog = page.getByRole('dialog', { name: w.welcome });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(w.office)).toBeFocused();
      await screenshot(page, `first-run-${lang}`);
      await dialog.getByLabel(w.office).fill(lang === 'zh' ? '江苏省外办' : 'Jiangsu FAO');
      // No staff accounts: the name the record keeps is asked for, never the computer's login.
      await dialog.getByRole('button', { name: w.start }).click();
      await expect(dialog.getByRole('alert')).toHaveText(
        lang === 'zh'
          ? '请填写您的姓名：记录需注明每项修改由谁作出。'
          : 'Enter your name: the record keeps who made each change.',
      );
      await dialog.getByLabel(/^(您的姓名|Your name)$/).fill('王芳');
      await dialog.getByLabel(w.place).fill(lang === 'zh' ? '江苏省' : 'Jiangsu');
      await dialog.getByLabel(w.level).selectOption('province');
      await dialog
        .getByLabel(w.signature)
        .fill(lang === 'zh' ? '江苏省人民政府外事办公室（印）' : 'Jiangsu FAO (seal)');
      await dialog.getByRole('button', { name: w.start }).click();
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole('status').first()).toContainText(
        lang === 'zh' ? '欢迎，江苏省外办' : 'Welcome, Jiangsu FAO',
      );
      const settings = await host.call<Settings>('settings:get');
      expect(settings).toMatchObject({
        officeName: lang === 'zh' ? '江苏省外办' : 'Jiangsu FAO',
        staffName: '王芳',
        language: lang,
        reportSignature: lang === 'zh' ? '江苏省人民政府外事办公室（印）' : 'Jiangsu FAO (seal)',
      });
      const localities = await host.call<LocalityRow[]>('localities:list');
      const own = localities.find((l) => l.id === settings.jurisdictionId);
      expect(own).toMatchObject({ level: 'province' });
      expect((await host.call<{ actor: string }>('app:info')).actor).toBe('王芳');
      // Set up once: the next start goes straight to the registry.
      await page.reload();
      await expect(page.getByRole('heading', { name: w.ties, level: 1 })).toBeVisible();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect(pageErrors).toEqual([]);
    });

    test('offers the sample registry, in a file of its own', async ({ page, host, pageErrors }) => {
      await page.goto(host.url);
      test.slow();
      await page.getByRole('button', { name: w.sample }).click();
      // Made through the importer, then the page reloads on it: slow on a busy machine.
      await expect(page.locator('.registry-name')).toContainText('sample-nanjing.db', {
        timeout: 60_000,
      });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.locator('.ag-row').first()).toBeVisible();
      await expect(page.getByText('Nagoya').first()).toBeVisible();
      await expect(page).toHaveTitle(/sample-nanjing\.db/);
      await screenshot(page, `sample-registry-${lang}`);
      // The registry the test started on is untouched and listed as recent.
      const current = await host.call<{ file: string; recent: { file: string }[] }>(
        'registries:current',
      );
      expect(current.recent.map((r) => r.file)).toContain(host.db);
      expect(pageErrors).toEqual([]);
    });
  });

  test.describe(`registries from the in-app menu (${lang})`, () => {
    test.use({ lang });

    test('makes a new registry by keyboard, titles the window with it, lists both', async ({
      page,
      host,
      pageErrors,
    }) => {
      // Three page loads on two registries: slow on a busy machine.
      test.slow();
      await page.goto(host.url);
      await expect(page).toHaveTitle(/registry\.db/, { timeout: 30_000 });
      const file = page.getByRole('button', { name: w.file, exact: true });
      await file.focus();
      await page.keyboard.press('ArrowDown');
      const menu = page.getByRole('menu');
      await expect(menu.getByRole('menuitem', { name: w.newRegistry })).toBeFocused();
      await screenshot(page, `menu-file-${lang}`);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      const city = path.join(host.dir, 'city.db');
      await dialog.getByLabel(w.path).fill(city);
      await dialog.getByRole('button', { name: w.make }).click();
      await expect(page).toHaveTitle(/city\.db/, { timeout: 30_000 });
      await expect(page.locator('.registry-name')).toHaveText('city.db');
      expect(existsSync(city)).toBe(true);
      // The new registry has no office yet: its first run shows; put it off.
      await page.getByRole('button', { name: lang === 'zh' ? '稍后' : 'Later' }).click();

      await page.getByRole('button', { name: w.file, exact: true }).click();
      await page.getByRole('menuitem', { name: w.openRegistry }).click();
      const open = page.getByRole('dialog');
      await expect(open.locator('.recent-list li')).toHaveCount(1);
      await expect(open.locator('.recent-list')).toContainText(host.db);
      await screenshot(page, `registries-open-${lang}`);
      await open
        .getByRole('button', { name: lang === 'zh' ? '打开 registry.db' : 'Open registry.db' })
        .click();
      await expect(page).toHaveTitle(/registry\.db/);
      await expect(page.locator('.registry-name')).toHaveText('registry.db');

      // A refusal names the file and leaves the registry open.
      await page.getByRole('button', { name: w.file, exact: true }).click();
      await page.getByRole('menuitem', { name: w.openRegistry }).click();
      await page.getByRole('dialog').getByLabel(w.path).fill(path.join(host.dir, 'none.db'));
      await page
        .getByRole('dialog')
        .getByRole('button', { name: lang === 'zh' ? '打开' : 'Open', exact: true })
        .click();
      await expect(page.getByRole('alert')).toContainText('none.db');
      expect(pageErrors).toEqual([]);
    });

    test('runs the menu’s commands: language, find, undo', async ({ page, host, pageErrors }) => {
      await host.call('ties:create', {
        local: '南京市',
        local_level: 'city',
        partner: 'Nagoya',
        country: 'JP',
        stage: 'established',
        established_on: '1978',
      });
      await page.goto(host.url);
      const other = lang === 'zh' ? 'en' : 'zh';
      await page.getByRole('button', { name: words[lang].file, exact: true }).click();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('menuitemradio', { name: other === 'zh' ? '中文' : 'English' }).click();
      await expect(page.getByRole('heading', { name: words[other].ties, level: 1 })).toBeVisible();
      await page
        .getByRole('button', { name: other === 'zh' ? '编辑' : 'Edit', exact: true })
        .click();
      await page.getByRole('menuitem', { name: other === 'zh' ? '查找' : 'Find' }).click();
      await expect(page.locator('.quick-search')).toBeFocused();
      expect(pageErrors).toEqual([]);
    });
  });
}

test.describe('the first run follows the system language', () => {
  for (const [locale, title] of [
    ['zh-CN', '欢迎使用友城'],
    ['en-US', 'Welcome to Youcheng'],
  ] as const) {
    test(`in ${locale}`, async ({ browser }) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'youcheng-e2e-'));
      const { host, stop } = await startHost(dir);
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(host.url);
      await expect(page.getByRole('dialog', { name: title })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute(
        'lang',
        locale === 'zh-CN' ? 'zh-CN' : 'en',
      );
      await context.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
