import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { ReportsPage } from './pages/reports.page';
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
    await this.page.getByRole('button', { name: /^(详情|Details)$/ }).click();
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
    await host.call('settings:update', { patch: { staffName: '王芳' } });
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

    await detail.form(
      '报送审批',
      { 报送日期: '2025-04-01', 报文文号: '宁政〔2025〕12号' },
      '报送审批',
    );
    await expect(detail.stage).toHaveText('报批');
    await expect(detail.root.locator('.steps li')).toHaveCount(3);
    await detail.form(
      '记录批复',
      { 结果: 'approved', 批复日期: '2025-04-10', 批文文号: '宁政复〔2025〕3号' },
      '记录批复',
    );
    // The panel shows the first step decided before the second step's button is pressed: until
    // then its first 记录批复 is still the first step's, whose form a stale click would open.
    await expect(detail.root.getByTestId('round-1').locator('li').nth(0)).toContainText(
      '2025-04-10 批准',
    );
    // Returned by the second step, with a reason.
    await detail.form(
      '记录批复',
      { 结果: 'returned', 批复日期: '2025-05-01', 说明: '请补充珀斯市基本情况' },
      '记录批复',
    );
    await expect(detail.stage).toHaveText('意向');
    const round1 = detail.root.getByTestId('round-1');
    await expect(round1.locator('li').nth(1)).toContainText('退回');
    await expect(round1.locator('li').nth(1)).toContainText('理由：请补充珀斯市基本情况');
    await expect(round1.locator('li').nth(1)).toContainText('记录人：王芳');
    await expect(round1.locator('li').nth(0)).toContainText('报文文号 宁政〔2025〕12号');
    await expect(round1.locator('li').nth(0)).toContainText('批文文号 宁政复〔2025〕3号');

    // The resubmission starts at the provincial FAO, which returned it.
    await detail.root.getByRole('button', { name: '报送审批' }).click();
    await expect(page.getByRole('dialog')).toContainText(
      '重新报批从江苏省外办开始；沿用第1轮已批准：南京市人民政府。',
    );
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await detail.form('报送审批', { 报送日期: '2025-06-01' }, '报送审批');
    const round2 = detail.root.getByTestId('round-2');
    await expect(round2.locator('li').nth(0)).toContainText('沿用第1轮批准，未重新报批');
    await expect(round2.locator('li').nth(1)).toContainText('2025-06-01');
    for (const [i, day] of ['2025-07-01', '2025-09-15'].entries()) {
      await detail.form('记录批复', { 结果: 'approved', 批复日期: day }, '记录批复');
      // Shown decided before the next step's button is pressed (see the first round).
      await expect(round2.locator('li').nth(i + 1)).toContainText(`${day} 批准`);
    }
    await expect(detail.stage).toHaveText('已批准');
    await expect(round1.locator('li')).toHaveCount(3);
    await expect(round2.locator('li')).toHaveCount(3);

    // Signing before the chain's last approval warns; correcting the date clears the warning.
    await detail.root.getByRole('button', { name: '转为“已结好”' }).click();
    const dialog = page.getByRole('dialog');
    for (const [label, value] of [
      ['结好日期', '2025-09-01'],
      ['签约地点', '南京'],
      ['我方签署人', '市长'],
      ['外方签署人', 'Lord Mayor'],
    ] as const)
      await dialog.getByLabel(label, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: '确定', exact: true }).click();
    const warning = dialog.locator('.field-warning');
    await expect(warning).toHaveText(
      '⚠ 签约日期2025-09-01早于报批流程最后一级批准日期（2025-09-15）。',
    );
    await dialog.getByLabel('结好日期', { exact: true }).fill('2025-10-20');
    await expect(warning).toHaveCount(0);
    await dialog.getByRole('button', { name: '确定', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(detail.stage).toHaveText('已结好');
    await expect(detail.root.getByTestId('signing')).toHaveText(
      '签约地点：南京 · 签署人：我方市长，外方Lord Mayor',
    );
    await expect(detail.root.locator('.audit')).toContainText('阶段：已批准 → 已结好');
    await expect(detail.root.locator('.audit')).toContainText('签约地点：（空） → 南京');
    await expect(detail.root.locator('.audit')).not.toContainText('修改 ·');
    await detail.root.getByTestId('round-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'detail-rounds-zh');

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

    // Both rounds in Approvals: round 1 as returned, round 2 with the approval it carried.
    await page.getByRole('navigation').getByRole('button', { name: '报批' }).first().click();
    const rows = page.locator('.ag-row:not(.ag-row-pinned)', {
      has: page.locator('.ag-cell[col-id="round"]'),
    });
    await expect(rows).toHaveCount(6);
    const cells = await rows.evaluateAll((list) =>
      list
        .map(
          (r) =>
            `${r.querySelector('[col-id="round"]')?.textContent ?? ''}:${r.querySelector('[col-id="outcome"]')?.textContent ?? ''}`,
        )
        .sort(),
    );
    expect(cells).toEqual(['1:', '1:批准', '1:退回', '2:批准', '2:批准', '2:批准']);
    await screenshot(page, 'approvals-rounds-zh');

    // And in the dossier.
    const reports = new ReportsPage(page);
    await page.getByRole('navigation').getByRole('button', { name: '报表' }).first().click();
    await reports.choose(/^报表类型$/, /^友城档案$/);
    await reports.choose(/^友城关系$/, /珀斯/);
    const steps = reports.document.locator('section', { hasText: '审批环节' }).locator('tbody tr');
    await expect(steps).toHaveCount(6);
    await expect(steps.nth(1)).toContainText('退回');
    await expect(steps.nth(1)).toContainText('请补充珀斯市基本情况');
    await expect(steps.nth(3)).toContainText('沿用第1轮批准');
    await expect(steps.nth(4)).toContainText('2025-06-01');
    await steps.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'dossier-rounds-zh');
    // Playwright's own script, injected into the report's script-less frame, is refused: the
    // app's policy working, not an error of the app (as in reports.spec.ts).
    expect(
      pageErrors.filter((e) => !/^Blocked script execution in 'about:srcdoc'/.test(e)),
    ).toEqual([]);
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

type Step = {
  id: string;
  version: number;
  round: number;
  position: number;
  outcome: string | null;
};
type Tie = { id: string; version: number };

test.describe('approval rounds, in English', () => {
  test.use({ lang: 'en' });

  test('the detail panel and Approvals show both rounds, the references, signing and changes', async ({
    page,
    host,
    pageErrors,
  }) => {
    await host.call('settings:update', { patch: { staffName: '王芳' } });
    await host.call('chains:set', {
      level: 'city',
      steps: [
        { zh: '南京市人民政府', en: 'Nanjing government' },
        { zh: '江苏省外办', en: 'Jiangsu FAO' },
        { zh: '中国人民对外友好协会', en: 'CPAFFC' },
      ],
    });
    let tie = await host.call<Tie>('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Perth',
      country: 'AU',
      stage: 'intent',
      intent_signed_on: '2025-03-02',
    });
    const steps = async () =>
      (await host.call<{ rows: Step[] }>('steps:list', { tie_id: tie.id })).rows;
    const decide = async (round: number, position: number, extra: Record<string, unknown>) => {
      const step = (await steps()).find((s) => s.round === round && s.position === position);
      await host.call('workflow:decide', { id: step?.id, version: step?.version, ...extra });
    };
    const fresh = () => host.call<Tie>('ties:get', { id: tie.id });
    tie = await host.call<Tie>('workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2025-04-01',
      reference_no: 'NJ-2025-12',
    });
    await decide(1, 1, { outcome: 'approved', decided_on: '2025-04-10', decision_ref: 'NJ-A-3' });
    await decide(1, 2, {
      outcome: 'returned',
      decided_on: '2025-05-01',
      note: 'Profile of Perth missing',
    });
    tie = await fresh();
    await host.call('workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2025-06-01',
    });
    await decide(2, 2, { outcome: 'approved', decided_on: '2025-07-01' });
    await decide(2, 3, { outcome: 'approved', decided_on: '2025-09-15' });
    tie = await fresh();
    await host.call('workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'established',
      signed_on: '2025-10-20',
      signed_place: 'Perth Town Hall',
      our_signatory: 'Mayor Chen',
      partner_signatory: 'Lord Mayor',
    });

    const ties = new TiesPage(page);
    await ties.open(host.url);
    const detail = new DetailPanel(page);
    await detail.open(ties, 'Perth');
    const round1 = detail.root.getByTestId('round-1');
    await expect(round1.locator('h4')).toHaveText('Round 1');
    await expect(round1.locator('li').nth(1)).toContainText('Returned');
    await expect(round1.locator('li').nth(1)).toContainText('Reason: Profile of Perth missing');
    await expect(round1.locator('li').nth(1)).toContainText('recorded by 王芳');
    await expect(round1.locator('li').nth(0)).toContainText('Submission ref. NJ-2025-12');
    await expect(round1.locator('li').nth(0)).toContainText('Decision ref. NJ-A-3');
    await expect(detail.root.getByTestId('round-2').locator('li').nth(0)).toContainText(
      'approved in round 1, not asked again',
    );
    await expect(detail.root.getByTestId('signing')).toHaveText(
      'Signed at Perth Town Hall · Signatories: Mayor Chen (ours), Lord Mayor (partner)',
    );
    await expect(detail.root.locator('.audit')).toContainText('Stage: Approved → Established');
    await expect(detail.root.locator('.audit')).toContainText(
      'Partner signatory: (empty) → Lord Mayor',
    );
    await detail.root.getByTestId('round-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'detail-rounds-en');

    await page.getByRole('navigation').getByRole('button', { name: 'Approvals' }).first().click();
    await expect(page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="round"]')).toHaveCount(
      6,
    );
    await screenshot(page, 'approvals-rounds-en');

    // The Reports screen remembers its parameters across screens and a reload.
    const reports = new ReportsPage(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Reports' }).first().click();
    await reports.choose(/^Report type$/, /^Tie dossier$/);
    await reports.language('zh');
    await page.getByRole('navigation').getByRole('button', { name: 'Ties' }).first().click();
    await page.getByRole('navigation').getByRole('button', { name: 'Reports' }).first().click();
    await expect(reports.field(/^Report type$/)).toHaveValue('dossier');
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Reports' }).first().click();
    await expect(reports.field(/^Report type$/)).toHaveValue('dossier');
    await expect(reports.field(/^Language of the report$/)).toHaveValue('zh');
    expect(
      pageErrors.filter((e) => !/^Blocked script execution in 'about:srcdoc'/.test(e)),
    ).toEqual([]);
  });
});
