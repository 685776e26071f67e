import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_NEEDS, type PageCommand } from '../shared/commands';
import { groupDigits, isLang, type Lang } from '../shared/i18n';
import type { RegistriesInfo } from '../shared/ipc/registries';
import type { Settings } from '../shared/settings';
import { attempt, call, runsInElectron } from './api/client';
import { SessionBadge, usePermissions } from './auth/session';
import { AboutDialog } from './desktop/AboutDialog';
import { deferCommand, listenToNativeMenu, typingInField, useCommands } from './desktop/commands';
import { FirstRun, needsFirstRun } from './desktop/FirstRun';
import { MenuBar } from './desktop/MenuBar';
import { RegistriesDialog } from './desktop/RegistriesDialog';
import { chooseLang as chooseLangHere, errorText, followRegistryLang } from './i18n';
import { renderScreen, SCREENS, type Screen } from './screens';
import { LanguageOptions } from './components/LanguageOptions';
import { initialScreen, SCREEN_KEY } from './navigation';

/** Commands a grid carries out, and the screen that has one when the one in front has not. */
const GRID_COMMANDS: readonly PageCommand[] = ['import', 'export', 'undo', 'redo', 'fillDown'];

export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>(initialScreen);
  const [followUps, setFollowUps] = useState(0);
  const [registries, setRegistries] = useState<RegistriesInfo | null>(null);
  const [firstRun, setFirstRun] = useState(false);
  const [dialog, setDialog] = useState<'open' | 'create' | 'about' | 'folder' | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const allowed = usePermissions();
  // The desktop app's own menu opens registries (main's dialogs, this machine's choice); the
  // browser host's switch moves every tab, so it is an approver's.
  const canSwitch = runsInElectron() || allowed('administer');

  useEffect(() => {
    // The window title (and so the desktop app's title bar) names the open registry.
    document.title = registries ? `${registries.name} — ${t('app.title')}` : t('app.title');
  }, [t, lang, registries]);

  useEffect(() => {
    // The registry remembers the office's language; a fresh browser follows it.
    call('settings:get', {})
      .then((settings: Settings) => {
        followRegistryLang(settings.language);
        // Only a member who can write the answers is asked the first run's questions.
        setFirstRun(needsFirstRun(settings) && allowed('edit'));
      })
      .catch(() => undefined);
    call('registries:current', {})
      .then(setRegistries)
      .catch(() => undefined);
    return listenToNativeMenu();
    // Only on start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // The count on the navigation follows every change of screen, asked for after the
    // screen's own data: on a large registry counting takes main a moment.
    let live = true;
    const timer = setTimeout(() => {
      void call('followups:list', { limit: 0 })
        .then((f) => {
          if (live) setFollowUps(f.total);
        })
        .catch(() => undefined);
    }, 1000);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [screen]);

  const chooseLang = (next: Lang) => {
    chooseLangHere(next);
    // The office's default changes with it, for whoever may change settings.
    if (allowed('edit'))
      void call('settings:update', { patch: { language: next } }).catch(() => undefined);
  };

  const go = (next: Screen) => {
    setScreen(next);
    localStorage.setItem(SCREEN_KEY, next);
  };

  const backup = async () => {
    const result = await attempt('backups:create', {});
    setNotice(
      result.ok
        ? { ok: true, text: t('commands.backedUp', { name: result.value.name }) }
        : { ok: false, text: t('commands.backupFailed', { message: errorText(result.error) }) },
    );
  };

  // What the screen in front did not take: the app's own commands, or another screen's.
  useCommands((command) => {
    const needs = COMMAND_NEEDS[command];
    if (needs && !allowed(needs) && !(command.startsWith('registry:') && canSwitch)) return false;
    switch (command) {
      case 'language:zh':
      case 'language:en':
        chooseLang(command === 'language:zh' ? 'zh' : 'en');
        return true;
      case 'registry:new':
        setDialog('create');
        return true;
      case 'registry:open':
        setDialog('open');
        return true;
      case 'about':
        setDialog('about');
        return true;
      case 'dataFolder':
        setDialog('folder');
        return true;
      case 'backup':
        void backup();
        return true;
      case 'print':
        deferCommand('print');
        go('reports');
        return true;
      case 'layout:reset':
        go('ties');
        return true;
      case 'undo':
      case 'redo':
        // A text field keeps the browser's own undo.
        if (typingInField()) return false;
        deferCommand(command);
        go('ties');
        return true;
      case 'find':
      default:
        if (!GRID_COMMANDS.includes(command) && command !== 'find') return false;
        deferCommand(command);
        go('ties');
        return true;
    }
  });

  return (
    <div className={runsInElectron() ? 'app' : 'app with-menubar'}>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            友
          </span>
          <span className="brand-name">{t('app.title')}</span>
        </div>
        {runsInElectron() ? null : <MenuBar lang={lang} />}
        {registries && !canSwitch ? (
          <span className="registry-name" title={registries.file}>
            {registries.name}
          </span>
        ) : null}
        {registries && canSwitch ? (
          <button
            type="button"
            className="registry-name"
            title={registries.file}
            aria-label={`${t('registries.current')}: ${registries.name}`}
            onClick={() => setDialog('open')}
          >
            {registries.sample ? `${registries.name} · ${t('registries.sample')}` : registries.name}
          </button>
        ) : null}
        <SessionBadge />
        <label className="lang">
          <span>{t('app.language')}</span>
          <select value={lang} onChange={(e) => chooseLang(e.target.value as Lang)}>
            <LanguageOptions />
          </select>
        </label>
      </header>
      <nav className="sidebar" aria-label={t('app.name')}>
        {SCREENS.map((s) => (
          <button
            key={s}
            type="button"
            className="nav-item"
            aria-current={screen === s ? 'page' : undefined}
            onClick={() => go(s)}
          >
            {t(`nav.${s}`)}
            {s === 'followups' && followUps > 0 ? (
              <span className="badge" data-testid="followups-badge">
                {groupDigits(followUps)}
              </span>
            ) : null}
          </button>
        ))}
      </nav>
      <main className="content">
        {notice ? (
          <p className={notice.ok ? 'app-notice saved' : 'app-notice error'} role="status">
            {notice.text}
          </p>
        ) : null}
        {renderScreen(screen, lang)}
      </main>
      {firstRun ? (
        <FirstRun
          lang={lang}
          onLang={chooseLang}
          onDone={(settings) => {
            setFirstRun(false);
            if (settings?.officeName)
              setNotice({ ok: true, text: t('firstRun.saved', { office: settings.officeName }) });
          }}
        />
      ) : null}
      {dialog === 'open' || dialog === 'create' ? (
        <RegistriesDialog mode={dialog} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'about' || dialog === 'folder' ? (
        <AboutDialog folder={dialog === 'folder'} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
