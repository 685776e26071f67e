import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistriesInfo } from '../../shared/ipc/registries';
import type { WireResult } from '../../shared/result';
import { attempt, call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { errorText } from '../i18n';

/** After a switch the whole page starts again on the other registry. */
export function reloadOnSwitch(): void {
  window.location.reload();
}

/**
 * Open or make another registry: the recent files, and a full path typed in (the browser host)
 * or chosen in the system's dialog (the desktop app). The page reloads on the new registry.
 */
export function RegistriesDialog({
  mode,
  onClose,
}: {
  mode: 'open' | 'create';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [info, setInfo] = useState<RegistriesInfo | null>(null);
  const [file, setFile] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('registries:current', {}).then((i) => {
      if (live) setInfo(i);
    });
    return () => {
      live = false;
    };
  }, []);

  const settle = async (work: Promise<WireResult<RegistriesInfo | null>>) => {
    setBusy(true);
    setError(null);
    const result = await work;
    setBusy(false);
    if (!result.ok) setError(errorText(result.error));
    else if (result.value && result.value.file !== info?.file) reloadOnSwitch();
    else if (result.value) setInfo(result.value);
  };

  const others = info?.recent.filter((r) => r.file !== info.file) ?? [];
  const create = mode === 'create';
  return (
    <Dialog
      title={t(create ? 'registries.dialogCreate' : 'registries.dialogOpen')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('registries.cancel')}
          </button>
          {info?.canPick ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void settle(attempt('registries:pick', { mode }))}
            >
              {t('registries.choose')}
            </button>
          ) : (
            <button
              type="submit"
              form={`${ids}-form`}
              className="primary"
              disabled={busy || file.trim() === ''}
            >
              {t(create ? 'registries.createAction' : 'registries.openAction')}
            </button>
          )}
        </>
      }
    >
      {info ? (
        <p>
          {t('registries.current')}: <code className="registry-file">{info.file}</code>
        </p>
      ) : null}
      {!create ? (
        <section aria-labelledby={`${ids}-recent`}>
          <h3 id={`${ids}-recent`}>{t('registries.recent')}</h3>
          {others.length === 0 ? <p>{t('registries.none')}</p> : null}
          <ul className="recent-list">
            {others.map((r) => (
              <li key={r.file}>
                <code className="registry-file">{r.file}</code>
                {!r.exists ? <span className="muted"> ({t('registries.missing')})</span> : null}
                <button
                  type="button"
                  disabled={busy || !r.exists}
                  aria-label={`${t('registries.open')} ${r.name}`}
                  onClick={() => void settle(attempt('registries:open', { file: r.file }))}
                >
                  {t('registries.open')}
                </button>
                <button
                  type="button"
                  aria-label={`${t('registries.forget')} ${r.name}`}
                  onClick={() => void settle(attempt('registries:forget', { file: r.file }))}
                >
                  {t('registries.forget')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {info && !info.canPick ? (
        <form
          id={`${ids}-form`}
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void settle(attempt('registries:open', { file, create }));
          }}
        >
          <div className="form-row">
            <label htmlFor={`${ids}-path`}>{t('registries.path')}</label>
            <input
              id={`${ids}-path`}
              value={file}
              autoFocus
              spellCheck={false}
              aria-describedby={`${ids}-hint`}
              onChange={(e) => setFile(e.target.value)}
            />
            <span id={`${ids}-hint`} className="field-hint">
              {t('registries.pathHint')}
            </span>
          </div>
        </form>
      ) : null}
      {busy ? <p role="status">{t('registries.switching')}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
