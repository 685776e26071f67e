import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { TiesPage } from './pages/ties.page';

/** The tie detail panel and its workflow forms, as staff use them. */
class DetailPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('.detail-panel');
  }
  async open(ties: TiesPage, partner: string) {
    const id = await ties.rowId(partner);
    await this.page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
    await this.page.getByRole('button', { name: '详情', exact: true }).click();
    await expect(this.root).toBeVisible();
    await this.page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).uncheck();
  }
  get stage() {
    return this.root.locator('.stage-badge');
  }
  async form(
    button: RegExp | string,
    fields: Record<string, string>,
    submit: string,
    closes = true,
  ) {
    await this.root.getByRole('button', { name: button }).first().click();
    const dialog = this.page.getByRole('dialog');
    for (const [label, value] of Object.entries(fields)) {
      const field = dialog.getByLabel(label, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await dialog.getByRole('button', { name: submit, exact: true }).click();
    if (closes) await expect(dialog).toHaveCount(0);
  }
}

test.describe('the tie workflow, in Chinese', () => {
  test.use({ lang: 'zh' });

  test('walks a tie from contact through a letter and a returned step to established', async ({
    page,
    host,
    pageErrors,
  }) => {
    await host.call('chains:set', {
      level: 'city',
      steps: [
        { zh: '南京市人民政府', en: 'City government' },
        { zh: '江苏省外办', en: 'Provincial FAO' },
        { zh: '中国人民对外友好协会', en: 'CPAFFC' },
      ],
    });
    await host.call('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Perth',
      partner_zh: '珀斯',
      country: 'AU',
      kind: 'friendship',
      stage: 'contact',
      first_contact_on: '2024-05',
    });
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const detail = new DetailPanel(page);
    await detail.open(ties, 'Perth');
    await expect(detail.stage).toHaveText('接触');
    await expect(detail.root.locator('.missing').first()).toHaveText(
      '还需要已签署并注明日期的意向书',
    );

    // Recording the letter closes its form and offers the next stage in a new dialog.
    await detail.form(
      '新增意向书',
      { 标题: '南京市与珀斯市友好交流意向书', 签署日期: '2025年3月2日', 跟进日期: '2025-09' },
      '创建',
      false,
    );
    await expect(page.getByRole('dialog')).toContainText('是否转为“意向”');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(detail.stage).toHaveText('意向');
    await detail.root.getByLabel('附上扫描件…').setInputFiles({
      name: '意向书扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await expect(detail.root.getByRole('button', { name: '打开扫描件' })).toBeVisible();

    await detail.form('报送审批', { 报送日期: '2025-04-01', 文号: '宁政〔2025〕12号' }, '报送审批');
    await expect(detail.stage).toHaveText('报批');
    await expect(detail.root.locator('.steps li')).toHaveCount(3);
    await detail.form('记录批复', { 结果: 'approved', 批复日期: '2025-04-10' }, '记录批复');
    await detail.form(
      '记录批复',
      { 结果: 'returned', 批复日期: '2025-05-01', 说明: '请补充珀斯市基本情况' },
      '记录批复',
    );
    await expect(detail.stage).toHaveText('意向');

    await detail.form('报送审批', { 报送日期: '2025-06-01' }, '报送审批');
    for (const day of ['2025-06-10', '2025-07-01', '2025-09-15']) {
      await detail.form('记录批复', { 结果: 'approved', 批复日期: day }, '记录批复');
    }
    await expect(detail.stage).toHaveText('已批准');
    await detail.form(
      '转为“已结好”',
      { 结好日期: '2025-10-20', 签约地点: '南京', 我方签署人: '市长', 外方签署人: 'Lord Mayor' },
      '确定',
    );
    await expect(detail.stage).toHaveText('已结好');

    const timeline = page.getByTestId('timeline').locator('li');
    await expect(timeline).toHaveCount(7);
    await expect(timeline.nth(3)).toContainText('2025-05-01');
    await expect(timeline.nth(3)).toContainText('请补充珀斯市基本情况');
    await expect(timeline.nth(6)).toContainText('2025-10-20');
    await screenshot(page, 'timeline-zh');
    const stored = await host.call<{
      rows: { stage: string; established_on: string; our_signatory: string }[];
    }>('ties:list');
    expect(stored.rows[0]).toMatchObject({
      stage: 'established',
      established_on: '2025-10-20',
      our_signatory: '市长',
    });
    expect(pageErrors).toEqual([]);
  });

  test('the pipeline board refuses a drop the stage machine never allows, and opens the form for one it does', async ({
    page,
    host,
  }) => {
    for (const [partner, country, stage] of [
      ['Perth', 'AU', 'contact'],
      ['Leipzig', 'DE', 'intent'],
      ['Florence', 'IT', 'approved'],
      ['Nagoya', 'JP', 'established'],
    ]) {
      await host.call('ties:create', {
        local: '南京',
        local_level: 'city',
        partner,
        country,
        stage,
        intent_signed_on: stage === 'contact' ? undefined : '2024-01',
        established_on: stage === 'established' ? '1978' : undefined,
      });
    }
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('button', { name: '进展看板' }).click();
    const column = (stage: string) => page.locator(`.board-column[data-stage="${stage}"]`);
    await expect(column('contact').locator('.count')).toHaveText('1');
    await expect(column('established').locator('.count')).toHaveText('1');
    await column('contact').locator('.card').dragTo(column('established'));
    await expect(page.getByRole('alert')).toHaveText(
      '未移动：友城关系不能从“接触”直接转为“已结好”。',
    );
    await screenshot(page, 'pipeline-zh');
    await column('approved').locator('.card').dragTo(column('established'));
    await expect(page.getByRole('dialog')).toContainText('转为“已结好”');
    await expect(page.getByRole('dialog').getByLabel('我方签署人', { exact: true })).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.locator('.detail-panel').getByRole('button', { name: '关闭' }).first().click();

    // The card menu offers only the moves the stage machine allows.
    const menu = page.getByRole('combobox', { name: '转到… Perth' });
    const offered = await menu.locator('option').allTextContents();
    expect(offered.slice(1).sort()).toEqual(['意向', '终止'].sort());

    // A drop on Intent opens the letter-of-intent form, and saving it makes the move.
    await column('contact').locator('.card').dragTo(column('intent'));
    const letter = page.getByRole('dialog');
    await expect(letter).toContainText('新增意向书');
    await letter.getByLabel('标题', { exact: true }).fill('友好交流意向书');
    await letter.getByLabel('签署日期', { exact: true }).fill('2025-03-01');
    await letter.getByRole('button', { name: '创建', exact: true }).click();
    await expect(column('intent').locator('.count')).toHaveText('2');
    await expect(column('contact').locator('.count')).toHaveText('0');

    // Board filters are remembered.
    await page.getByLabel('类型').selectOption({ label: '友好城市' });
    await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
    await page.getByRole('navigation').getByRole('button', { name: '进展看板' }).click();
    await expect(page.getByLabel('类型')).toHaveValue('friendship');
  });

  test('follow-ups follow the thresholds set in Settings, with their count on the navigation', async ({
    page,
    host,
  }) => {
    const tie = await host.call<{ id: string }>('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Perth',
      country: 'AU',
      stage: 'intent',
      intent_signed_on: '2025-01',
    });
    await host.call('letters:create', { tie_id: tie.id, title: '意向书', signed_on: '2025-01-15' });
    await host.call('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Leipzig',
      country: 'DE',
      stage: 'established',
      established_on: '1988',
    });
    await host.call('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
      stage: 'established',
      established_on: '1978',
    });
    await page.goto(host.url);
    // The letter, and one line for the two ties with no visit on record (issue 23).
    await expect(page.getByTestId('followups-badge')).toHaveText('2');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /跟进提醒/ })
      .click();
    await expect(page.getByTestId('followups-letters').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('followups-quiet').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('followups-unvisited')).toContainText(
      `2个${new Date().getFullYear() - 3}年以前结好的城市无互访记录`,
    );
    const next = new Date().getFullYear() + 1;
    await page.getByRole('spinbutton', { name: '年份' }).fill('2028');
    await expect(page.getByTestId('anniversaries').locator('li')).toHaveText([
      '40周年 · 南京 – Leipzig (德国) · 1988',
      '50周年 · 南京 – Nagoya (日本) · 1978',
    ]);
    await page.getByRole('spinbutton', { name: '年份' }).fill(String(next));
    await screenshot(page, 'followups-zh');

    await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
    await page.getByLabel('意向书无进展超过（月）').fill('36');
    await page.getByLabel('无互访超过（年）').fill('50');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: '设置已保存。' })).toBeVisible();
    await screenshot(page, 'settings-zh');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /跟进提醒/ })
      .click();
    await expect(page.getByText('暂无需要跟进的事项。')).toBeVisible();
    await expect(page.getByTestId('followups-badge')).toHaveCount(0);
  });
});
