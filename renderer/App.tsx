import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../shared/i18n';
import { call } from './api/client';
import { SessionBadge } from './auth/session';
import { rememberLang } from './i18n';
import { renderScreen, SCREENS, type Screen } from './screens';

const SCREEN_KEY = 'youcheng.screen';

function initialScreen(): Screen {
  const saved = localStorage.getItem(SCREEN_KEY);
  return (SCREENS as readonly string[]).includes(saved ?? '') ? (saved as Screen) : 'ties';
}

export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>(initialScreen);
  const [followUps, setFollowUps] = useState(0);
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';

  useEffect(() => {
    document.title = t('app.title');
  }, [t, lang]);

  useEffect(() => {
    // The registry remembers the office's language; a fresh browser follows it.
    call('settings:get', {})
      .then((settings) => {
        if (
          settings.language &&
          settings.language !== lang &&
          localStorage.getItem('youcheng.lang') === null
        ) {
          void i18n.changeLanguage(settings.language);
          rememberLang(settings.language);
        }
      })
      .catch(() => undefined);
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
    void i18n.changeLanguage(next);
    rememberLang(next);
    void call('settings:update', { patch: { language: next } }).catch(() => undefined);
  };

  const go = (next: Screen) => {
    setScreen(next);
    localStorage.setItem(SCREEN_KEY, next);
  };

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            友
          </span>
          <span className="brand-name">{t('app.title')}</span>
        </div>
        <SessionBadge />
        <label className="lang">
          <span>{t('app.language')}</span>
          <select
            value={lang}
            onChange={(e) => chooseLang(e.target.value as Lang)}
            aria-label={t('app.language')}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
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
                {followUps}
              </span>
            ) : null}
          </button>
        ))}
      </nav>
      <main className="content">{renderScreen(screen, lang)}</main>
    </div>
  );
}
