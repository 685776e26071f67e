import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterRow } from '../../shared/model';
import { useCan } from '../auth/session';
import { attempt, runsInElectron } from '../api/client';
import { errorText } from '../i18n';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * A letter's scan: open it (the system viewer in the desktop app, a download in the browser
 * host) and attach or replace it (a native dialog, or a file input).
 */
export function ScanButtons({
  letter,
  onChanged,
}: {
  letter: LetterRow;
  onChanged: (row: LetterRow) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const canEdit = useCan('edit');

  const open = async () => {
    if (runsInElectron()) {
      const r = await attempt('letters:openScan', { id: letter.id });
      setError(r.ok ? '' : errorText(r.error));
      return;
    }
    const r = await attempt('letters:scan', { id: letter.id });
    if (!r.ok) return setError(errorText(r.error));
    const binary = atob(r.value.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const attach = async (file?: File) => {
    const r = file
      ? await attempt('letters:attach', {
          id: letter.id,
          version: letter.version,
          name: file.name,
          base64: toBase64(await file.arrayBuffer()),
        })
      : await attempt('letters:attachPick', { id: letter.id, version: letter.version });
    if (!r.ok) return setError(errorText(r.error));
    setError('');
    if (r.value) onChanged(r.value);
  };

  return (
    <span className="scan-buttons">
      {letter.scan_name ? (
        <button
          type="button"
          className="small"
          onClick={() => void open()}
          title={letter.scan_name}
        >
          {t('letterUi.open')}
        </button>
      ) : null}
      {canEdit ? (
        <>
          <button
            type="button"
            className="small"
            onClick={() => (runsInElectron() ? void attach() : input.current?.click())}
          >
            {letter.scan_name ? t('letterUi.replace') : t('letterUi.attach')}
          </button>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={t('letterUi.attach')}
            accept="application/pdf,image/png,image/jpeg,image/tiff"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void attach(file);
            }}
          />
        </>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
