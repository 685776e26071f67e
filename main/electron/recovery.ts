import type { Dialog } from 'electron';
import { RegistryOpenError } from '../../db/connection';
import { createI18n, type Lang } from '../../shared/i18n';
import { newestGoodBackup, restoreRegistry } from '../backups/backups';
import type { Clock } from '../core/context';
import { openErrorText, type Registry } from '../registry';

/**
 * Opening the registry in the app, with a way back when the file is damaged: the user hears
 * what is wrong and is offered the newest backup that passes the integrity check; the damaged
 * file is kept beside the registry. Electron's dialog comes in as a parameter (tests use fakes).
 */
export interface RecoveryOptions {
  readonly file: string;
  readonly backupsDir: string;
  readonly lang: Lang;
  readonly clock: Clock;
  readonly dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox'>;
  readonly open: () => Promise<Registry>;
}

function when(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** The open registry, or null when the app should quit (the user has been told why). */
export async function openWithRecovery(o: RecoveryOptions): Promise<Registry | null> {
  const t = createI18n(o.lang).t;
  try {
    return await o.open();
  } catch (error) {
    if (!(error instanceof RegistryOpenError)) {
      o.dialog.showErrorBox(t('menu.openFailed'), String(error));
      return null;
    }
    if (error.reason !== 'integrity') {
      o.dialog.showErrorBox(t('menu.openFailed'), openErrorText(error, o.lang));
      return null;
    }
    const good = newestGoodBackup(o.backupsDir, o.file);
    const params = { ...(error.i18n?.params ?? {}), file: o.file };
    if (!good) {
      o.dialog.showErrorBox(t('recovery.title'), openErrorText(error, o.lang));
      return null;
    }
    const at = when(good.at, o.lang);
    const { response } = await o.dialog.showMessageBox({
      type: 'error',
      title: t('recovery.title'),
      message: t('recovery.integrity', params),
      detail: t('recovery.offer', { at }),
      buttons: [t('recovery.restoreNewest', { at }), t('recovery.quit')],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return null;
    try {
      await restoreRegistry({
        file: o.file,
        from: good.file,
        backupsDir: o.backupsDir,
        clock: o.clock,
      });
      return await o.open();
    } catch (restoreError) {
      o.dialog.showErrorBox(
        t('recovery.title'),
        t('recovery.restoreFailed', { message: (restoreError as Error).message }),
      );
      return null;
    }
  }
}
