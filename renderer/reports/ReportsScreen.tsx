import {
  useCallback,
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import type { ReportDocument } from '../../shared/ipc/reports';
import type { WireResult } from '../../shared/result';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import type { TieRow } from '../../shared/model';
import { attempt, call, runsInElectron } from '../api/client';
import { takeDeferred, useCommands } from '../desktop/commands';
import { errorText } from '../i18n';
import { cspNonce } from '../nonce';
import { useReference } from '../reference';
import './reports.css';
import { LanguageOptions } from '../components/LanguageOptions';

type Kind = 'annual' | 'dossier' | 'country';

interface Params {
  readonly kind: Kind;
  readonly asOf: string;
  readonly since: string;
  readonly locality: string;
  readonly lang: Lang;
  readonly tieId: string;
  readonly country: string;
}

type Status = { kind: 'idle' | 'busy' | 'done' | 'error'; text: string };

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** This year's annual summary, as of today, in the language of the screen. */
/** The screen's parameters are remembered in this browser across screens and reloads. */
const PARAMS_KEY = 'youcheng.reports.params';

function initialParams(lang: Lang): Params {
  const fresh: Params = {
    kind: 'annual',
    asOf: today(),
    since: '',
    locality: '',
    lang,
    tieId: '',
    country: '',
  };
  try {
    const saved = JSON.parse(localStorage.getItem(PARAMS_KEY) ?? 'null') as unknown;
    if (!saved || typeof saved !== 'object') return fresh;
    const out: Record<string, string> = { ...fresh };
    // Only a known key with a string value is taken back: the storage is anyone's to edit.
    for (const key of Object.keys(fresh))
      if (typeof (saved as Record<string, unknown>)[key] === 'string')
        out[key] = (saved as Record<string, string>)[key] as string;
    const kinds: readonly string[] = ['annual', 'dossier', 'country'];
    if (!kinds.includes(out.kind ?? '')) out.kind = fresh.kind;
    if (out.lang !== 'zh' && out.lang !== 'en') out.lang = fresh.lang;
    return out as unknown as Params;
  } catch {
    return fresh;
  }
}

/** The request main renders, from the screen's parameters. */
function requestOf(p: Params): Record<string, unknown> {
  const locality = p.locality === '' ? {} : { locality: p.locality };
  switch (p.kind) {
    case 'annual':
      return {
        report: 'annual',
        asOf: p.asOf,
        ...(p.since.trim() === '' ? {} : { since: p.since }),
        ...locality,
        lang: p.lang,
      };
    case 'dossier':
      return { report: 'dossier', tie_id: p.tieId, lang: p.lang };
    case 'country':
      return { report: 'country', country: p.country, asOf: p.asOf, ...locality, lang: p.lang };
  }
}

/**
 * The document as the preview frame shows it. The frame inherits the app's policy, which lets
 * a style element in only with this page's nonce: the report has exactly one, and no inline
 * style attribute or script, so it looks here as it prints.
 */
function forPreview(html: string): string {
  const nonce = cspNonce();
  return nonce ? html.replace('<style>', `<style nonce="${nonce}">`) : html;
}

function download(base64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Reports: the annual summary (figures as of any date), a tie's dossier and a country's list,
 * with a preview of the very document that prints, Print (the system dialog) and Save as PDF.
 */
export function ReportsScreen({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const ids = useId();
  const reference = useReference();
  // Null until the list has come: until then the picker says it is reading, not that there are none.
  const [ties, setTies] = useState<readonly TieRow[] | null>(null);
  const [params, setParams] = useState<Params>(() => initialParams(lang));
  const [html, setHtml] = useState<string | null>(null);
  const [shown, setShown] = useState<Record<string, unknown> | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [saving, setSaving] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const generation = useRef(0);

  useEffect(() => {
    let live = true;
    // In the ties grid's order (pinyin keys, in SQL): 安庆市 before 合肥市 before 芜湖市.
    const sort = [
      { colId: 'local', sort: 'asc' },
      { colId: 'partner', sort: 'asc' },
    ] as const;
    void call('ties:list', { sort: [...sort] }).then((page) => {
      if (live) setTies(page.rows);
    });
    return () => {
      live = false;
    };
  }, []);

  const sortedTies = ties ?? [];
  const countries = useMemo(() => {
    const codes = [...new Set((ties ?? []).map((x) => x.country))];
    // Named, and sorted, as the language shows them: Chinese names by their pinyin key.
    const named = (code: string) => {
      const c = reference?.countryByCode.get(code);
      if (!c) return { code, name: code, key: code.toLowerCase() };
      return lang === 'zh'
        ? { code, name: c.zh, key: c.zh_key }
        : { code, name: c.en, key: c.en.toLowerCase() };
    };
    return codes
      .map(named)
      .sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1))
      .map(({ code, name }) => ({ code, name }));
  }, [ties, reference, lang]);

  const show = useCallback(
    (result: WireResult<ReportDocument>, request: Record<string, unknown>) => {
      if (result.ok) {
        setHtml(result.value.html);
        setShown(request);
        setStatus({ kind: 'idle', text: '' });
      } else {
        setStatus({ kind: 'error', text: errorText(result.error, lang) });
      }
    },
    [lang],
  );

  const preview = async (p: Params) => {
    if (p.kind === 'dossier' && p.tieId === '') return;
    if (p.kind === 'country' && p.country === '') return;
    const request = requestOf(p);
    const mine = ++generation.current;
    setStatus({ kind: 'busy', text: t('report.screen.loading') });
    const result = await attempt('reports:html', request);
    // A later request supersedes this one: only the newest preview is shown.
    if (mine === generation.current) show(result, request);
  };

  useEffect(() => {
    // The first preview, of this year's annual summary; later ones follow the user's changes.
    let live = true;
    const request = requestOf(initialParams(lang));
    void attempt('reports:html', request).then((result) => {
      if (live && generation.current === 0) show(result, request);
    });
    return () => {
      live = false;
    };
  }, [show, lang]);

  /** Changes parameters; a choice from a list previews at once, typed dates on Enter or blur. */
  const change = (patch: Partial<Params>, now = true) => {
    const next = { ...params, ...patch };
    if (next.kind === 'dossier' && next.tieId === '' && sortedTies[0])
      next.tieId = sortedTies[0].id;
    if (next.kind === 'country' && next.country === '' && countries[0])
      next.country = countries[0].code;
    setParams(next);
    localStorage.setItem(PARAMS_KEY, JSON.stringify(next));
    if (now) void preview(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void preview(params);
  };

  const print = async () => {
    if (!shown) return;
    if (!runsInElectron()) {
      // The browser prints the frame's document with its own dialog, @page size and all.
      frame.current?.contentWindow?.print();
      return;
    }
    const result = await attempt('reports:print', shown);
    if (!result.ok) setStatus({ kind: 'error', text: errorText(result.error, lang) });
  };

  useCommands((c) => {
    if (c !== 'print') return false;
    void print();
    return true;
  });
  // Print… chosen elsewhere opened this screen: print once the first preview is there.
  const printDeferred = useEffectEvent(() => {
    if (takeDeferred(['print'])) void print();
  });
  useEffect(() => {
    if (!shown) return undefined;
    const soon = setTimeout(() => printDeferred(), 0);
    return () => clearTimeout(soon);
  }, [shown]);

  const savePdf = async () => {
    if (!shown) return;
    setSaving(true);
    setStatus({ kind: 'busy', text: t('report.screen.saving') });
    try {
      if (runsInElectron()) {
        const result = await attempt('reports:save', shown);
        if (!result.ok) setStatus({ kind: 'error', text: errorText(result.error, lang) });
        else if (result.value.path)
          setStatus({ kind: 'done', text: t('report.screen.saved', { path: result.value.path }) });
        else setStatus({ kind: 'idle', text: '' });
        return;
      }
      const result = await attempt('reports:pdf', shown);
      if (!result.ok) {
        setStatus({ kind: 'error', text: errorText(result.error, lang) });
        return;
      }
      download(result.value.base64, result.value.fileName);
      setStatus({ kind: 'done', text: t('report.screen.downloaded') });
    } finally {
      setSaving(false);
    }
  };

  /** A typed date previews when the field is left, unless the preview already shows it. */
  const previewIfChanged = () => {
    if (JSON.stringify(requestOf(params)) !== JSON.stringify(shown)) void preview(params);
  };

  const id = (name: string) => `${ids}-${name}`;
  const dated = params.kind !== 'dossier';
  return (
    <section className="grid-screen reports-screen" aria-labelledby={id('title')}>
      <header className="toolbar">
        <h1 id={id('title')}>{t('nav.reports')}</h1>
        <label className="toggle">
          <span>{t('report.screen.kind')}</span>
          <select
            value={params.kind}
            onChange={(e) => change({ kind: e.target.value as Kind })}
            aria-label={t('report.screen.kind')}
          >
            <option value="annual">{t('report.screen.annual')}</option>
            <option value="dossier">{t('report.screen.dossier')}</option>
            <option value="country">{t('report.screen.country')}</option>
          </select>
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void print()} disabled={!shown}>
          {t('report.screen.print')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void savePdf()}
          disabled={!shown || saving}
        >
          {t('report.screen.savePdf')}
        </button>
      </header>
      <form className="report-params" onSubmit={submit}>
        {params.kind === 'dossier' ? (
          <label>
            <span>{t('report.screen.tie')}</span>
            <select
              value={params.tieId}
              onChange={(e) => change({ tieId: e.target.value })}
              aria-label={t('report.screen.tie')}
            >
              {sortedTies.length === 0 ? (
                <option value="">
                  {t(ties === null ? 'report.screen.readingTies' : 'report.screen.noTies')}
                </option>
              ) : null}
              {sortedTies.map((x) => (
                <option key={x.id} value={x.id}>
                  {`${x.local} – ${x.partner_zh && lang === 'zh' ? x.partner_zh : x.partner}`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {params.kind === 'country' ? (
          <label>
            <span>{t('report.screen.countryField')}</span>
            <select
              value={params.country}
              onChange={(e) => change({ country: e.target.value })}
              aria-label={t('report.screen.countryField')}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {dated ? (
          <label>
            <span>{t('report.screen.asOf')}</span>
            <input
              value={params.asOf}
              onChange={(e) => change({ asOf: e.target.value }, false)}
              onBlur={previewIfChanged}
              aria-label={t('report.screen.asOf')}
              size={12}
            />
          </label>
        ) : null}
        {params.kind === 'annual' ? (
          <label>
            <span>{t('report.screen.since')}</span>
            <input
              value={params.since}
              placeholder={t('report.screen.sinceHint')}
              onChange={(e) => change({ since: e.target.value }, false)}
              onBlur={previewIfChanged}
              aria-label={t('report.screen.since')}
              className="since-input"
            />
          </label>
        ) : null}
        {dated ? (
          <label>
            <span>{t('report.screen.locality')}</span>
            <select
              value={params.locality}
              onChange={(e) => change({ locality: e.target.value })}
              aria-label={t('report.screen.locality')}
            >
              <option value="">{t('report.screen.allLocalities')}</option>
              {(reference?.localities ?? []).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <span>{t('report.screen.lang')}</span>
          <select
            value={params.lang}
            onChange={(e) => change({ lang: e.target.value as Lang })}
            aria-label={t('report.screen.lang')}
          >
            <LanguageOptions />
          </select>
        </label>
        <button type="submit">{t('report.screen.refresh')}</button>
      </form>
      <div className="report-preview">
        {html !== null ? (
          <iframe
            ref={frame}
            title={t('report.screen.preview')}
            srcDoc={forPreview(html)}
            // No scripts ever run in the report; same-origin lets the browser host print it,
            // and modals let that print show its dialog.
            sandbox="allow-same-origin allow-modals"
          />
        ) : null}
      </div>
      <footer className="statusbar" role="status" aria-live="polite">
        <span className={`report-status ${status.kind}`} data-testid="report-status">
          {status.text || t('report.screen.previewNote')}
        </span>
      </footer>
    </section>
  );
}
