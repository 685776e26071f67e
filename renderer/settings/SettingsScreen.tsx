import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainStep } from '../../shared/chains';
import { FIXED_CONTINENT_ORDER } from '../../shared/countries';
import { enumLabel, valuesOf, type Level } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { attempt, call, runsInElectron } from '../api/client';
import { useCan } from '../auth/session';
import { errorText } from '../i18n';
import { BackupSection } from './BackupSection';
import { StaffSection } from './StaffSection';
import type { LocalityRow } from '../../shared/model';
import type { RegistriesInfo } from '../../shared/ipc/registries';
import { RegistriesDialog } from '../desktop/RegistriesDialog';
import { LanguageOptions } from '../components/LanguageOptions';
import { DirectoryInput } from '../places/DirectoryInput';
import type { DirectoryPlace } from '../../shared/ipc/reference';

/** The office's settings, its approval chains and follow-up thresholds, kept in the registry. */
export function SettingsScreen({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const canEdit = useCan('edit');
  const canAdminister = useCan('administer');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [chains, setChains] = useState<Record<Level, ChainStep[]> | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [localities, setLocalities] = useState<readonly LocalityRow[]>([]);
  const [registries, setRegistries] = useState<RegistriesInfo | null>(null);
  const [switching, setSwitching] = useState<'open' | 'create' | null>(null);
  const [directoryText, setDirectoryText] = useState('');

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('settings:get', {}),
      call('chains:get', {}),
      call('localities:list', {}),
      call('registries:current', {}),
    ]).then(([s, c, l, r]) => {
      if (!live) return;
      setSettings(s);
      setChains(c);
      setLocalities(l);
      setRegistries(r);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!settings || !chains) return <p className="loading">{t('app.loading')}</p>;

  // A place of the directory becomes the jurisdiction: the registry's locality of it, made
  // first where there is none yet (it takes its code and names from the directory).
  const pickJurisdiction = async (place: DirectoryPlace) => {
    const known = localities.find((l) => l.code === place.code);
    const made = known
      ? { ok: true as const, value: known }
      : await attempt('localities:create', { name: place.name, level: place.level });
    if (!made.ok) {
      setMessage({ ok: false, text: errorText(made.error) });
      return;
    }
    if (!known) setLocalities([...localities, made.value]);
    setSettings({ ...settings, jurisdictionId: made.value.id });
    setDirectoryText('');
  };

  const saveSettings = async () => {
    const result = await attempt('settings:update', {
      patch: {
        officeName: settings.officeName,
        staffName: settings.staffName,
        officeNameEn: settings.officeNameEn,
        reportSignature: settings.reportSignature,
        reportSignatureEn: settings.reportSignatureEn,
        reportGeneratedLine: settings.reportGeneratedLine,
        continentOrder: settings.continentOrder,
        language: settings.language,
        jurisdictionId: settings.jurisdictionId,
        followUps: settings.followUps,
        upgradeRequiresChain: settings.upgradeRequiresChain,
      },
    });
    setMessage(
      result.ok
        ? { ok: true, text: t('settingsUi.saved') }
        : { ok: false, text: errorText(result.error, lang) },
    );
    if (result.ok) setSettings(result.value);
  };

  // A chain's authorities and whether a resubmission asks its approvals again, saved together.
  const saveChain = async (level: Level) => {
    const result = await attempt('chains:set', { level, steps: chains[level] });
    if (result.ok) setChains(result.value);
    const flag = result.ok
      ? await attempt('settings:update', { patch: { chainReapprove: settings.chainReapprove } })
      : result;
    if (flag.ok) setSettings(flag.value);
    setMessage(
      flag.ok
        ? { ok: true, text: t('settingsUi.saved') }
        : { ok: false, text: errorText(flag.error, lang) },
    );
  };

  const setChain = (level: Level, steps: ChainStep[]) => setChains({ ...chains, [level]: steps });
  const threshold = (key: keyof Settings['followUps']) => (
    <div className="form-row">
      <label htmlFor={`fu-${key}`}>{t(`settingsUi.${key}`)}</label>
      <input
        id={`fu-${key}`}
        type="number"
        min={1}
        value={settings.followUps[key]}
        onChange={(e) =>
          setSettings({
            ...settings,
            followUps: { ...settings.followUps, [key]: Number(e.target.value) },
          })
        }
      />
    </div>
  );

  return (
    <section className="settings-screen" aria-label={t('nav.settings')}>
      <div className="toolbar">
        <h1>{t('nav.settings')}</h1>
        {message ? (
          <span className={message.ok ? 'save-status saved' : 'save-status error'} role="status">
            {message.text}
          </span>
        ) : null}
      </div>
      <div className="settings-body">
        <section aria-labelledby="settings-office">
          <h2 id="settings-office">{t('settingsUi.office')}</h2>
          {/* A viewer reads the settings: every field in it is read-only at once. */}
          <fieldset className="plain-fieldset" disabled={!canEdit}>
            <div className="form">
              <TextSetting
                id="office-name"
                label={t('settingsUi.officeName')}
                value={settings.officeName}
                onChange={(v) => setSettings({ ...settings, officeName: v })}
              />
              <div className="form-row">
                <label htmlFor="jurisdiction">{t('settingsMore.jurisdiction')}</label>
                <select
                  id="jurisdiction"
                  value={settings.jurisdictionId ?? ''}
                  onChange={(e) =>
                    setSettings({ ...settings, jurisdictionId: e.target.value || null })
                  }
                >
                  <option value="">{t('settingsMore.noJurisdiction')}</option>
                  {localities.map((l) => (
                    <option key={l.id} value={l.id}>
                      {(lang === 'zh' ? l.name_zh : l.name_en) ?? l.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-row">
                <label htmlFor="jurisdiction-directory">{t('settingsMore.fromDirectory')}</label>
                <DirectoryInput
                  id="jurisdiction-directory"
                  value={directoryText}
                  lang={lang}
                  onChange={setDirectoryText}
                  onPick={(place) => void pickJurisdiction(place)}
                />
                <span className="field-hint">{t('settingsMore.fromDirectoryHint')}</span>
              </div>
              <TextSetting
                id="report-signature"
                label={t('settingsMore.signature')}
                value={settings.reportSignature}
                onChange={(v) => setSettings({ ...settings, reportSignature: v })}
              />
              <TextSetting
                id="office-name-en"
                label={t('settingsMore.officeNameEn')}
                lang="en"
                value={settings.officeNameEn}
                onChange={(v) => setSettings({ ...settings, officeNameEn: v })}
              />
              <TextSetting
                id="report-signature-en"
                label={t('settingsMore.signatureEn')}
                lang="en"
                value={settings.reportSignatureEn}
                onChange={(v) => setSettings({ ...settings, reportSignatureEn: v })}
              />
              <div className="form-row">
                <label htmlFor="continent-order">{t('settingsMore.continentOrder')}</label>
                <select
                  id="continent-order"
                  value={settings.continentOrder ? 'fixed' : ''}
                  onChange={(e) =>
                    setSettings({
                      ...settings,
                      continentOrder:
                        e.target.value === 'fixed' ? [...FIXED_CONTINENT_ORDER] : null,
                    })
                  }
                >
                  <option value="">{t('settingsMore.continentsByCount')}</option>
                  <option value="fixed">{t('settingsMore.continentsFixed')}</option>
                </select>
              </div>
              <div className="form-row">
                <label htmlFor="report-generated">{t('settingsMore.generatedLine')}</label>
                <input
                  id="report-generated"
                  type="checkbox"
                  checked={settings.reportGeneratedLine}
                  onChange={(e) =>
                    setSettings({ ...settings, reportGeneratedLine: e.target.checked })
                  }
                />
              </div>
              <div className="form-row">
                <label htmlFor="office-language">{t('settingsMore.language')}</label>
                <select
                  id="office-language"
                  value={settings.language ?? ''}
                  onChange={(e) =>
                    setSettings({ ...settings, language: (e.target.value || null) as Lang | null })
                  }
                >
                  <option value="">{t('settingsMore.followSystem')}</option>
                  <LanguageOptions />
                </select>
              </div>
              <TextSetting
                id="staff-name"
                label={t('settingsUi.staffName')}
                value={settings.staffName}
                onChange={(v) => setSettings({ ...settings, staffName: v })}
              />
            </div>
            <h2>{t('settingsUi.followUps')}</h2>
            <div className="form">
              {threshold('letterMonths')}
              {threshold('approvedDays')}
              {threshold('stepDays')}
              {threshold('visitYears')}
              <div className="form-row">
                <label htmlFor="upgrade-chain">{t('settingsUi.upgradeRequiresChain')}</label>
                <input
                  id="upgrade-chain"
                  type="checkbox"
                  checked={settings.upgradeRequiresChain}
                  onChange={(e) =>
                    setSettings({ ...settings, upgradeRequiresChain: e.target.checked })
                  }
                />
              </div>
            </div>
          </fieldset>
          {canEdit ? (
            <button type="button" className="primary" onClick={() => void saveSettings()}>
              {t('settingsUi.save')}
            </button>
          ) : null}
        </section>
        <section aria-labelledby="settings-chains">
          <h2 id="settings-chains">{t('settingsUi.chains')}</h2>
          {valuesOf('level').map((level) => (
            <fieldset key={level} className="chain" disabled={!canAdminister}>
              <legend>
                {t('settingsUi.chainFor', { level: enumLabel('level', level, lang) })}
              </legend>
              <ol>
                {chains[level].map((step, i) => (
                  <li key={i}>
                    <input
                      aria-label={`${t('settingsUi.authorityZh')} ${i + 1}`}
                      value={step.zh}
                      onChange={(e) =>
                        setChain(
                          level,
                          chains[level].map((s, j) => (j === i ? { ...s, zh: e.target.value } : s)),
                        )
                      }
                    />
                    <input
                      aria-label={`${t('settingsUi.authorityEn')} ${i + 1}`}
                      value={step.en}
                      onChange={(e) =>
                        setChain(
                          level,
                          chains[level].map((s, j) => (j === i ? { ...s, en: e.target.value } : s)),
                        )
                      }
                    />
                    {canAdminister ? (
                      <button
                        type="button"
                        onClick={() =>
                          setChain(
                            level,
                            chains[level].filter((_, j) => j !== i),
                          )
                        }
                      >
                        {t('settingsUi.removeStep')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
              {canAdminister ? (
                <>
                  <button
                    type="button"
                    onClick={() => setChain(level, [...chains[level], { zh: '', en: '' }])}
                  >
                    {t('settingsUi.addStep')}
                  </button>
                  <div className="form-row">
                    <input
                      id={`reapprove-${level}`}
                      type="checkbox"
                      checked={settings.chainReapprove[level]}
                      onChange={(e) =>
                        setSettings({
                          ...settings,
                          chainReapprove: { ...settings.chainReapprove, [level]: e.target.checked },
                        })
                      }
                    />
                    <label htmlFor={`reapprove-${level}`}>{t('settingsUi.chainReapprove')}</label>
                  </div>{' '}
                  <button type="button" className="primary" onClick={() => void saveChain(level)}>
                    {t('settingsUi.save')}
                  </button>
                </>
              ) : null}
            </fieldset>
          ))}
        </section>
        <StaffSection />
        <section aria-labelledby="settings-registries">
          <h2 id="settings-registries">{t('registries.title')}</h2>
          {registries ? (
            <p>
              {t('registries.current')}: <code className="registry-file">{registries.file}</code>
            </p>
          ) : null}
          {registries?.canSwitch && (runsInElectron() || canAdminister) ? (
            <div className="button-row">
              <button type="button" onClick={() => setSwitching('open')}>
                {t('registries.openOther')}
              </button>{' '}
              <button type="button" onClick={() => setSwitching('create')}>
                {t('registries.create')}
              </button>
            </div>
          ) : null}
          {switching ? (
            <RegistriesDialog mode={switching} onClose={() => setSwitching(null)} />
          ) : null}
        </section>
        <BackupSection />
      </div>
    </section>
  );
}

/** A one-line text setting; an empty field stores nothing (null). */
function TextSetting(props: {
  id: string;
  label: string;
  lang?: 'en';
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="form-row">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        {...(props.lang ? { lang: props.lang } : {})}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value || null)}
      />
    </div>
  );
}
