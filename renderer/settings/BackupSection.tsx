import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupList, BackupRow } from '../../shared/ipc/backups';
import { ApiError, call } from '../api/client';
import { useCan } from '../auth/session';
import { ConfirmDialog } from '../components/Dialog';
import { errorText } from '../i18n';

/**
 * The Settings section for backups: the list of copies Youcheng keeps, a backup on demand,
 * and a restore after confirmation (the registry as it is is kept first, so a restore can be
 * undone by restoring that copy). Self-contained: it talks to main only through the contract.
 */

type Notice = { kind: 'ok' | 'error'; text: string; reload?: boolean };

function formatWhen(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function BackupSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Backing up is an editor's; restoring over everyone's work an approver's.
  const canBackUp = useCan('edit');
  const canRestore = useCan('administer');
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<BackupRow | null>(null);

  const failed = useCallback(
    (error: unknown) =>
      setNotice({
        kind: 'error',
        text: error instanceof ApiError ? errorText(error.error) : String(error),
      }),
    [],
  );

  const load = useCallback(() => call('backups:list', {}).then(setList).catch(failed), [failed]);

  useEffect(() => {
    void load();
  }, [load]);

  const backUpNow = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const row = await call('backups:create', {});
      setNotice({ kind: 'ok', text: t('backups.taken', { name: row.name }) });
      await load();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (row: BackupRow) => {
    setConfirming(null);
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await call('backups:restore', { name: row.name });
      setNotice({
        kind: 'ok',
        text: t('backups.restored', {
          when: formatWhen(row.at, lang),
          safety: outcome.safety?.name ?? '—',
        }),
        reload: true,
      });
      await load();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="backups-title">
      <div className="section-head">
        <h2 id="backups-title">{t('backups.title')}</h2>
        {canBackUp ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void backUpNow()}
          >
            {busy ? t('backups.working') : t('backups.backUpNow')}
          </button>
        ) : null}
      </div>
      <p className="section-intro">{t('backups.intro')}</p>
      {list && <p className="section-folder">{t('backups.folder', { folder: list.folder })}</p>}
      {notice && (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          {notice.reload && (
            <button type="button" onClick={() => window.location.reload()}>
              {t('backups.reload')}
            </button>
          )}
        </div>
      )}
      {list && list.rows.length === 0 && <p className="section-empty">{t('backups.empty')}</p>}
      {list && list.rows.length > 0 && (
        <table className="plain-table" data-testid="backups">
          <thead>
            <tr>
              <th scope="col">{t('backups.when')}</th>
              <th scope="col">{t('backups.why')}</th>
              <th scope="col" className="num">
                {t('backups.size')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.name} title={row.name}>
                <td>{formatWhen(row.at, lang)}</td>
                <td>{t(`backups.reasons.${row.reason}`)}</td>
                <td className="num">{formatSize(row.size)}</td>
                <td className="actions">
                  {canRestore ? (
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      onClick={() => setConfirming(row)}
                    >
                      {t('backups.restore')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('backups.restoreTitle')}
          message={t('backups.restoreConfirm', { when: formatWhen(confirming.at, lang) })}
          confirmLabel={t('backups.restoreAction')}
          cancelLabel={t('actions.cancel')}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
