import type { TieRow } from '../../shared/model';
import { expect, screenshot, test } from './fixtures';
import { BackupsPage } from './pages/backups.page';

const nagoya = {
  local: '南京市',
  local_level: 'city',
  partner: 'Nagoya',
  country: 'JP',
  stage: 'established',
  established_on: '1978',
  notes: 'as backed up',
};

for (const lang of ['zh', 'en'] as const) {
  test.describe(`backups in Settings (${lang})`, () => {
    test.use({ lang });

    test('takes a backup, restores it after confirmation, keeps what it replaced', async ({
      page,
      host,
      pageErrors,
    }) => {
      const tie = await host.call<TieRow>('ties:create', nagoya);
      const backups = new BackupsPage(page);
      await backups.open(host.url);
      await expect(backups.section).toContainText(lang === 'zh' ? '尚无备份' : 'no backups yet');

      await backups.backUpNow();
      await expect(backups.rows).toHaveCount(1);
      await expect(backups.rows.first()).toContainText(lang === 'zh' ? '手动' : 'By hand');
      await expect(backups.notice).toContainText(lang === 'zh' ? '已完成备份' : 'Backup taken');

      // A later edit, which the restore will take back.
      await host.call('ties:update', {
        id: tie.id,
        version: tie.version,
        patch: { notes: 'edited after the backup' },
      });

      const dialog = await backups.askToRestore(0);
      await expect(dialog).toContainText(
        lang === 'zh' ? '恢复前会先备份当前的登记簿' : 'is backed up first',
      );
      await screenshot(page, `backups-confirm-${lang}`);
      // Cancelling changes nothing.
      await dialog.getByRole('button', { name: lang === 'zh' ? '取消' : 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect((await host.call<TieRow>('ties:get', { id: tie.id })).notes).toBe(
        'edited after the backup',
      );

      const again = await backups.askToRestore(0);
      await again.getByRole('button', { name: lang === 'zh' ? '恢复' : 'Restore' }).click();
      await expect(backups.notice).toContainText(
        lang === 'zh' ? '已从' : 'The registry was restored from the backup taken',
      );
      await expect(backups.rows).toHaveCount(2);
      await expect(backups.rows.first()).toContainText(
        lang === 'zh' ? '恢复前' : 'Before a restore',
      );
      expect((await host.call<TieRow>('ties:get', { id: tie.id })).notes).toBe('as backed up');
      await screenshot(page, `backups-restored-${lang}`);

      await backups.notice
        .getByRole('button', {
          name: lang === 'zh' ? '显示恢复后的登记簿' : 'Show the restored registry',
        })
        .click();
      await expect(backups.rows).toHaveCount(2);
      expect(pageErrors).toEqual([]);
    });
  });
}
