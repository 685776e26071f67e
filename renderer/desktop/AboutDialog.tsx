import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/reference';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';

/** The browser host's about box (the desktop app shows a native one). */
export function AboutDialog({ onClose, folder }: { onClose: () => void; folder: boolean }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [backups, setBackups] = useState('');
  useEffect(() => {
    let live = true;
    void Promise.all([call('app:info', {}), call('backups:list', {})]).then(([i, b]) => {
      if (!live) return;
      setInfo(i);
      setBackups(b.folder);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <Dialog
      title={t(folder ? 'about.dataFolder' : 'about.title')}
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('about.close')}
        </button>
      }
    >
      {info ? (
        <dl className="about">
          <dt>{t('about.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('about.registry')}</dt>
          <dd>
            <code className="registry-file">{info.registry}</code>
          </dd>
          <dt>{t('about.schema')}</dt>
          <dd>{info.schema}</dd>
          <dt>{t('about.actor')}</dt>
          <dd>{info.actor}</dd>
        </dl>
      ) : null}
      {folder && backups ? <p>{t('about.dataFolderText', { folder: backups })}</p> : null}
    </Dialog>
  );
}
