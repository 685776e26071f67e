import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHEET_KINDS, SHEETS, type SheetKind } from '../../shared/interchange';
import type {
  Encoding,
  ImportNotice,
  ImportPreview,
  ImportSummary,
  ImportWarning,
  SheetChoice,
} from '../../shared/ipc/interchange';
import type { IssueDetail, WireError } from '../../shared/result';
import { attempt, call, runsInElectron } from '../api/client';
import { Dialog } from '../components/Dialog';
import { columnLabelIn, formatMessage } from '../../shared/i18n';
import { currentLang, errorText } from '../i18n';

/** Encodings by their standard names, the same in every language. */
const ENCODING_NAMES = { utf8: 'UTF-8', gb18030: 'GB18030 / GBK' } as const;

/**
 * The import wizard: choose a file, see how its columns were understood (and change that),
 * check it with a dry run, import it in one step with a progress bar, read the summary.
 * Main reads the file; this only shows what main found.
 */

type Step =
  | { kind: 'choose'; error?: string }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; checked?: ImportSummary; problems?: readonly IssueDetail[]; error?: string }
  | { kind: 'checking' }
  | { kind: 'importing'; percent: number }
  | { kind: 'done'; summary: ImportSummary };

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

export function ImportWizard({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (summary: ImportSummary) => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [fileId, setFileId] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [encoding, setEncoding] = useState<Encoding | undefined>(undefined);
  const [choices, setChoices] = useState<Record<string, SheetChoice>>({});
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);

  const load = async (
    id: string,
    options: {
      sheet?: string | undefined;
      encoding?: Encoding | undefined;
      sheets?: SheetChoice[];
    },
  ) => {
    const result = await attempt('import:preview', { fileId: id, ...options });
    if (!result.ok) {
      setStep({ kind: 'choose', error: errorText(result.error) });
      return;
    }
    setPreview(result.value);
    setStep({ kind: 'preview' });
  };

  const chooseBrowserFile = async (file: File) => {
    setStep({ kind: 'reading', name: file.name });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const uploaded = await attempt('import:upload', { name: file.name, base64: toBase64(bytes) });
    if (!uploaded.ok) {
      setStep({ kind: 'choose', error: errorText(uploaded.error) });
      return;
    }
    setFileId(uploaded.value.fileId);
    setChoices({});
    await load(uploaded.value.fileId, {});
  };

  const chooseNativeFile = async () => {
    const picked = await attempt('import:pick', {});
    if (!picked.ok) {
      setStep({ kind: 'choose', error: errorText(picked.error) });
      return;
    }
    if (!picked.value) return;
    setStep({ kind: 'reading', name: picked.value.name });
    setFileId(picked.value.fileId);
    setChoices({});
    await load(picked.value.fileId, {});
  };

  const sheetsInput = () => Object.values(choices);
  const options = () => ({
    ...(sheet ? { sheet } : {}),
    ...(encoding ? { encoding } : {}),
    ...(Object.keys(choices).length > 0 ? { sheets: sheetsInput() } : {}),
  });

  const change = (name: string, next: Partial<SheetChoice>) => {
    if (!fileId || !preview) return;
    const current = preview.sheets.find((s) => s.name === name);
    const base: SheetChoice = choices[name] ?? {
      name,
      kind: current?.kind,
      fields: current?.columns.map((c) => c.field),
    };
    // A new kind means new fields: let main map the headers again.
    const updated = next.kind ? { name, kind: next.kind } : { ...base, ...next };
    const all = { ...choices, [name]: updated };
    setChoices(all);
    void load(fileId, { sheet, encoding, sheets: Object.values(all) });
  };

  const refused = (error: WireError) =>
    setStep({
      kind: 'preview',
      ...(error.details && error.key === 'import.refused'
        ? { problems: error.details, error: errorText({ ...error, details: undefined }) }
        : { error: errorText(error) }),
    });

  const check = async () => {
    if (!fileId) return;
    setStep({ kind: 'checking' });
    const result = await attempt('import:run', { fileId, dryRun: true, ...options() });
    if (result.ok) setStep({ kind: 'preview', checked: result.value });
    else refused(result.error);
  };

  const run = async () => {
    if (!fileId) return;
    setStep({ kind: 'importing', percent: 0 });
    poll.current = setInterval(() => {
      void call('import:progress', { fileId }).then((p) =>
        setStep((s) =>
          s.kind === 'importing' ? { kind: 'importing', percent: Math.round(p.fraction * 100) } : s,
        ),
      );
    }, 250);
    const result = await attempt('import:run', { fileId, dryRun: false, ...options() });
    if (poll.current) clearInterval(poll.current);
    if (result.ok) {
      setStep({ kind: 'done', summary: result.value });
      onImported(result.value);
    } else refused(result.error);
  };

  const footer = (() => {
    const close = (
      <button type="button" onClick={onClose}>
        {t('import.wizard.close')}
      </button>
    );
    if (step.kind === 'preview' || step.kind === 'checking') {
      const blocked = !preview || preview.sheets.some((s) => s.missing.length > 0);
      return (
        <>
          {close}
          <button
            type="button"
            onClick={() => {
              setStep({ kind: 'choose' });
              setPreview(null);
            }}
          >
            {t('import.wizard.back')}
          </button>
          <button
            type="button"
            disabled={blocked || step.kind === 'checking'}
            onClick={() => void check()}
          >
            {step.kind === 'checking' ? t('import.wizard.checking') : t('import.wizard.check')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={blocked || step.kind === 'checking' || (step.problems?.length ?? 0) > 0}
            onClick={() => void run()}
          >
            {t('import.wizard.import')}
          </button>
        </>
      );
    }
    return close;
  })();

  return (
    <Dialog title={t('import.wizard.title')} onClose={onClose} footer={footer}>
      <div className="import-wizard">
        {step.kind === 'choose' ? (
          <div className="form">
            <p>{t('import.wizard.choose')}</p>
            {runsInElectron() ? (
              <button type="button" className="primary" onClick={() => void chooseNativeFile()}>
                {t('import.wizard.chooseButton')}
              </button>
            ) : (
              <input
                type="file"
                aria-label={t('import.wizard.choose')}
                accept=".xlsx,.xls,.ods,.csv,.txt,text/csv"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void chooseBrowserFile(f);
                }}
              />
            )}
            {step.error ? (
              <p className="field-error" role="alert">
                {step.error}
              </p>
            ) : null}
          </div>
        ) : null}
        {step.kind === 'reading' ? <p>{t('import.wizard.reading', { name: step.name })}</p> : null}
        {(step.kind === 'preview' || step.kind === 'checking') && preview ? (
          <PreviewView
            preview={preview}
            sheet={sheet}
            encoding={encoding}
            onSheet={(s) => {
              setSheet(s);
              if (fileId) void load(fileId, { sheet: s, encoding });
            }}
            onEncoding={(e) => {
              setEncoding(e);
              if (fileId) void load(fileId, { sheet, encoding: e });
            }}
            onChange={change}
          />
        ) : null}
        {step.kind === 'preview' && step.checked ? (
          <div role="status">
            <p className="import-ok">{t('import.wizard.checked', { ...step.checked })}</p>
            <Notices
              notices={step.checked.sheets.flatMap((sheet) =>
                sheet.notices.filter((n) => !PLAN_NOTICES.has(n.key)),
              )}
            />
            <ImportWarnings warnings={step.checked.warnings} />
          </div>
        ) : null}
        {step.kind === 'preview' && step.error ? (
          <p className="field-error" role="alert">
            {step.error}
          </p>
        ) : null}
        {step.kind === 'preview' && step.problems ? <Problems problems={step.problems} /> : null}
        {step.kind === 'importing' ? (
          <div className="import-progress">
            <progress max={100} value={step.percent} aria-label={t('import.wizard.import')} />
            <span>{t('import.wizard.importing', { percent: step.percent })}</span>
          </div>
        ) : null}
        {step.kind === 'done' ? <Done summary={step.summary} /> : null}
      </div>
    </Dialog>
  );
}

function PreviewView({
  preview,
  sheet,
  encoding,
  onSheet,
  onEncoding,
  onChange,
}: {
  preview: ImportPreview;
  sheet: string | undefined;
  encoding: Encoding | undefined;
  onSheet: (sheet: string | undefined) => void;
  onEncoding: (encoding: Encoding | undefined) => void;
  onChange: (sheet: string, change: Partial<SheetChoice>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-preview">
      <div className="import-file">
        <span>
          {t('import.wizard.file')}: <strong>{preview.name}</strong> ({preview.format.toUpperCase()}
          )
        </span>
        {preview.format === 'csv' ? (
          <label>
            {t('import.wizard.encoding')}{' '}
            <select
              value={encoding ?? ''}
              onChange={(e) => onEncoding((e.target.value || undefined) as Encoding | undefined)}
            >
              <option value="">
                {t('import.wizard.detected')}:{' '}
                {preview.detectedEncoding === 'gb18030'
                  ? ENCODING_NAMES.gb18030
                  : ENCODING_NAMES.utf8}
              </option>
              <option value="utf8">{ENCODING_NAMES.utf8}</option>
              <option value="gb18030">{ENCODING_NAMES.gb18030}</option>
            </select>
          </label>
        ) : (
          <label>
            {t('import.wizard.sheet')}{' '}
            <select value={sheet ?? ''} onChange={(e) => onSheet(e.target.value || undefined)}>
              <option value="">{t('import.wizard.allSheets')}</option>
              {preview.sheetNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {preview.sheets.map((s) => (
        <section key={s.name} className="import-sheet" aria-label={s.name}>
          <h3>
            {s.name}
            <label>
              {t('import.wizard.kind')}{' '}
              <select
                value={s.kind}
                onChange={(e) => onChange(s.name, { kind: e.target.value as SheetKind })}
              >
                {SHEET_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`import.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">{t('import.wizard.headerRow', { line: s.headerLine })}</span>
          </h3>
          {s.unknown.length > 0 ? (
            <p className="field-hint">
              {t('import.wizard.unknown', {
                count: s.unknown.length,
                names: s.unknown
                  .map((c) => columnLabelIn(c, currentLang()))
                  .join(currentLang() === 'zh' ? '、' : ', '),
              })}
            </p>
          ) : null}
          <Notices notices={s.notices} />
          {s.missing.length > 0 ? (
            <p className="field-error" role="alert">
              {t('import.wizard.missing', { names: s.missing.join(', ') })}
            </p>
          ) : null}
          <div className="import-table-wrap">
            <table className="import-table">
              <thead>
                <tr>
                  <th>{t('import.wizard.line')}</th>
                  {s.columns.map((c) => (
                    <th key={c.index}>
                      <div className="import-header">{c.header}</div>
                      <select
                        aria-label={`${t('import.wizard.field')}: ${c.header}`}
                        value={c.field ?? ''}
                        className={c.field ? '' : 'unmapped'}
                        onChange={(e) =>
                          onChange(s.name, {
                            fields: s.columns.map((x) =>
                              x.index === c.index ? e.target.value || null : x.field,
                            ),
                          })
                        }
                      >
                        <option value="">{t('import.wizard.ignore')}</option>
                        {SHEETS[s.kind].columns.map((col) => (
                          <option key={col.id} value={col.id}>
                            {col.id} · {col.zh}
                          </option>
                        ))}
                      </select>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.sample.map((row) => (
                  <tr key={row.line}>
                    <td className="muted">{row.line}</td>
                    {row.cells.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

/** Notices the preview already shows; the dry run adds what only reading every row finds. */
const PLAN_NOTICES = new Set([
  'import.notice.semicolon',
  'import.notice.tab',
  'import.notice.stageFromDates',
  'import.notice.levelFromDirectory',
  'import.notice.hiddenColumns',
  'import.notice.merged',
]);

function Notices({ notices }: { notices: readonly ImportNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <ul className="import-notices">
      {notices.map((n, i) => (
        <li key={i} className="field-hint">
          {formatMessage(n.key, n.params, currentLang())}
        </li>
      ))}
    </ul>
  );
}

function Problems({ problems }: { problems: readonly IssueDetail[] }) {
  const { t } = useTranslation();
  return (
    <div className="import-table-wrap import-problems">
      <table className="import-table" aria-label={t('import.wizard.problems')}>
        <thead>
          <tr>
            <th>{t('import.wizard.sheet')}</th>
            <th>{t('import.wizard.line')}</th>
            <th>{t('import.wizard.column')}</th>
            <th>{t('import.wizard.value')}</th>
            <th>{t('import.wizard.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{String(p.params.sheet ?? '')}</td>
              <td>{String(p.params.line ?? '')}</td>
              <td>{String(p.params.column ?? '')}</td>
              <td>{String(p.params.cell ?? '')}</td>
              <td>{formatMessage(p.key, p.params, currentLang())}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Done({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  return (
    <div className="import-done" role="status">
      <p className="import-ok">{t('import.wizard.done', { ...summary })}</p>
      <table className="import-table">
        <thead>
          <tr>
            <th>{t('import.wizard.sheet')}</th>
            <th>{t('import.wizard.kind')}</th>
            <th>{t('import.wizard.rows')}</th>
            <th>{t('import.wizard.created')}</th>
            <th>{t('import.wizard.updated')}</th>
            <th>{t('import.wizard.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.sheets.map((s) => (
            <tr key={s.name}>
              <td>{s.name}</td>
              <td>{t(`import.kinds.${s.kind}`)}</td>
              <td>{s.rows}</td>
              <td>{s.created}</td>
              <td>{s.updated}</td>
              <td>{s.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Notices notices={summary.sheets.flatMap((s) => s.notices)} />
      <ImportWarnings warnings={summary.warnings} />
      <p className="field-hint">{t('import.wizard.undoHint')}</p>
    </div>
  );
}

/** Rows accepted with a warning (dates out of their order), each with its sheet and line. */
function ImportWarnings({ warnings }: { warnings: readonly ImportWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  const lang = currentLang();
  return (
    <div className="import-warnings" data-testid="import-warnings">
      <h3>{t('import.wizard.warnings', { count: warnings.length })}</h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {t('import.wizard.warningAt', { sheet: w.sheet, line: w.line })}{' '}
            {formatMessage(`warnings.${w.code}`, w.params, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
