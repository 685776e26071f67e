import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel, valuesOf, type Level } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { attempt, call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { errorText } from '../i18n';
import { reloadOnSwitch } from './RegistriesDialog';
import { DirectoryInput } from '../places/DirectoryInput';
import { LanguageOptions } from '../components/LanguageOptions';

const LATER_KEY = 'youcheng.firstRun.later';

/** Shown while the registry names no office, unless put off for this session. */
export function needsFirstRun(settings: Settings): boolean {
  return !settings.officeName && sessionStorage.getItem(LATER_KEY) === null;
}

/**
 * The first run: which office keeps the registry (its name in Chinese and in English, its own
 * jurisdiction with its level, the default language, the reports' signature lines), and an offer of the sample registry to
 * explore first. Everything lands in the registry's settings through the contract.
 */
export function FirstRun({
  lang,
  onLang,
  onDone,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  onDone: (settings: Settings | null) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [office, setOffice] = useState('');
  // The person whose name the record keeps, asked while the registry has no staff accounts
  // (with accounts, the one signed in is recorded). Never the computer's login.
  const [staffName, setStaffName] = useState('');
  const [shared, setShared] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void call('auth:whoami', {}).then((w) => {
      if (live) setShared(w.shared);
    });
    return () => {
      live = false;
    };
  }, []);
  const asksName = shared === false;
  const [officeEn, setOfficeEn] = useState('');
  const [signatureEn, setSignatureEn] = useState('');
  const [place, setPlace] = useState('');
  const [level, setLevel] = useState<Level>('city');
  const [signature, setSignature] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const later = () => {
    sessionStorage.setItem(LATER_KEY, '1');
    onDone(null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (office.trim() === '') {
      setError(t('firstRun.required'));
      return;
    }
    if (asksName && staffName.trim() === '') {
      setError(t('firstRun.requiredName'));
      return;
    }
    setBusy(true);
    setError(null);
    let jurisdictionId: string | null = null;
    if (place.trim() !== '') {
      const name = place.trim();
      const known = (await call('localities:list', {})).find(
        (l) => l.name === name || l.name_zh === name || l.name_en === name,
      );
      const made = known
        ? { ok: true as const, value: known }
        : await attempt('localities:create', { name, level });
      if (!made.ok) {
        setBusy(false);
        setError(errorText(made.error));
        return;
      }
      jurisdictionId = made.value.id;
    }
    const result = await attempt('settings:update', {
      patch: {
        officeName: office.trim(),
        ...(asksName ? { staffName: staffName.trim() } : {}),
        officeNameEn: officeEn.trim() || null,
        reportSignature: signature.trim() || null,
        reportSignatureEn: signatureEn.trim() || null,
        language: lang,
        ...(jurisdictionId ? { jurisdictionId } : {}),
      },
    });
    setBusy(false);
    if (!result.ok) setError(errorText(result.error));
    else onDone(result.value);
  };

  const sample = async () => {
    setBusy(true);
    const result = await attempt('registries:sample', {});
    if (result.ok) reloadOnSwitch();
    else {
      setBusy(false);
      setError(errorText(result.error));
    }
  };

  return (
    <Dialog
      title={t('firstRun.title')}
      onClose={later}
      footer={
        <>
          <button type="button" onClick={later}>
            {t('firstRun.later')}
          </button>
          <button type="submit" form={`${ids}-form`} className="primary" disabled={busy}>
            {t('firstRun.start')}
          </button>
        </>
      }
    >
      <p>{t('firstRun.intro')}</p>
      <form id={`${ids}-form`} className="form first-run" onSubmit={(e) => void save(e)}>
        <div className="form-row">
          <label htmlFor={`${ids}-office`}>{t('firstRun.officeName')}</label>
          <input
            id={`${ids}-office`}
            value={office}
            required
            autoFocus
            placeholder={t('firstRun.officePlaceholder')}
            onChange={(e) => setOffice(e.target.value)}
          />
        </div>
        {asksName ? (
          <div className="form-row">
            <label htmlFor={`${ids}-staff`}>{t('firstRun.staffName')}</label>
            <input
              id={`${ids}-staff`}
              value={staffName}
              aria-required
              aria-describedby={`${ids}-staff-hint`}
              onChange={(e) => setStaffName(e.target.value)}
            />
            <span id={`${ids}-staff-hint`} className="field-hint">
              {t('firstRun.staffNameHint')}
            </span>
          </div>
        ) : null}
        <div className="form-row">
          <label htmlFor={`${ids}-office-en`}>{t('firstRun.officeNameEn')}</label>
          <input
            id={`${ids}-office-en`}
            lang="en"
            value={officeEn}
            aria-describedby={`${ids}-english-hint`}
            placeholder={t('firstRun.officeNameEnPlaceholder')}
            onChange={(e) => setOfficeEn(e.target.value)}
          />
        </div>
        <fieldset className="form-group">
          <legend>{t('firstRun.jurisdiction')}</legend>
          <p className="field-hint">{t('firstRun.jurisdictionHint')}</p>
          <div className="form-row">
            <label htmlFor={`${ids}-place`}>{t('firstRun.jurisdictionName')}</label>
            <DirectoryInput
              id={`${ids}-place`}
              value={place}
              lang={lang}
              onChange={setPlace}
              onPick={(picked) => setLevel(picked.level)}
            />
          </div>
          <div className="form-row">
            <label htmlFor={`${ids}-level`}>{t('firstRun.level')}</label>
            <select
              id={`${ids}-level`}
              value={level}
              onChange={(e) => setLevel(e.target.value as Level)}
            >
              {valuesOf('level').map((l) => (
                <option key={l} value={l}>
                  {enumLabel('level', l, lang)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div className="form-row">
          <label htmlFor={`${ids}-lang`}>{t('firstRun.language')}</label>
          <select id={`${ids}-lang`} value={lang} onChange={(e) => onLang(e.target.value as Lang)}>
            <LanguageOptions />
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${ids}-signature`}>{t('firstRun.signature')}</label>
          <input
            id={`${ids}-signature`}
            value={signature}
            aria-describedby={`${ids}-signature-hint`}
            onChange={(e) => setSignature(e.target.value)}
          />
          <span id={`${ids}-signature-hint`} className="field-hint">
            {t('firstRun.signatureHint')}
          </span>
        </div>
        <div className="form-row">
          <label htmlFor={`${ids}-signature-en`}>{t('firstRun.signatureEn')}</label>
          <input
            id={`${ids}-signature-en`}
            lang="en"
            value={signatureEn}
            aria-describedby={`${ids}-english-hint`}
            onChange={(e) => setSignatureEn(e.target.value)}
          />
          <span id={`${ids}-english-hint`} className="field-hint">
            {t('firstRun.englishHint')}
          </span>
        </div>
      </form>
      <section className="first-run-sample" aria-labelledby={`${ids}-sample`}>
        <h3 id={`${ids}-sample`}>{t('firstRun.sampleTitle')}</h3>
        <p>{t('firstRun.sampleText')}</p>
        <button type="button" disabled={busy} onClick={() => void sample()}>
          {t('firstRun.sample')}
        </button>
      </section>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
