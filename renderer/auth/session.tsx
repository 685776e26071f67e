import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Action, type Whoami } from '../../shared/staff';
import { attempt, onSignInNeeded } from '../api/client';
import { isLang, type Lang } from '../../shared/i18n';
import type { AppInfo } from '../../shared/ipc/reference';
import { LanguageOptions } from '../components/LanguageOptions';
import { RegistriesDialog } from '../desktop/RegistriesDialog';
import { chooseLang, errorText, followRegistryLang } from '../i18n';
import { ChangePasswordDialog } from './ChangePassword';

/**
 * Who this window or tab is signed in as. In a shared registry (one with staff accounts) the app
 * shows nothing but the sign-in form until the user signs in; main refuses every other channel
 * anyway, so this screen is the courtesy, the door is the rule.
 */

interface Session {
  readonly who: Whoami;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session | null {
  return useContext(SessionContext);
}

/**
 * Whether the signed-in member may do `action`: every screen asks this, never a role's name,
 * so a viewer sees no write control and an editor no decision. Without staff accounts (a local
 * registry) there is no role and the one user may do everything.
 */
export function useCan(action: Action): boolean {
  return usePermissions()(action);
}

/** `useCan` for a list of controls (a menu): one predicate over every action. */
export function usePermissions(): (action: Action) => boolean {
  const role = useSession()?.who.staff?.role;
  return useCallback((action: Action) => can(role, action), [role]);
}

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [who, setWho] = useState<Whoami | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      attempt('auth:whoami', {}).then((result) => {
        if (result.ok) {
          setWho(result.value);
          setFailure(null);
        } else setFailure(errorText(result.error));
      }),
    [],
  );

  useEffect(() => {
    void refresh();
    // A call refused for want of a sign-in (the host restarted, an approver deactivated this
    // account): ask main again, which shows the sign-in form when it is so.
    return onSignInNeeded(() => void refresh());
  }, [refresh]);

  const signOut = useCallback(async () => {
    const result = await attempt('auth:signOut', {});
    if (result.ok) setWho(result.value);
  }, []);

  if (failure) return <p className="loading">{failure}</p>;
  if (!who) return <p className="loading">{t('app.loading')}</p>;
  if (who.shared && !who.staff)
    return <SignIn onSignedIn={setWho} signedOut={who.signedOut ?? null} />;
  return (
    <SessionContext.Provider value={{ who, refresh, signOut }}>{children}</SessionContext.Provider>
  );
}

function SignIn({
  onSignedIn,
  signedOut,
}: {
  onSignedIn: (who: Whoami) => void;
  signedOut: Whoami['signedOut'] | null;
}) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [opening, setOpening] = useState(false);
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';

  useEffect(() => {
    let live = true;
    void attempt('app:info', {}).then((result) => {
      if (!live || !result.ok) return;
      setInfo(result.value);
      // The office's language, unless the user chose one in this browser.
      followRegistryLang(result.value.language);
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await attempt('auth:signIn', { name, password });
    setBusy(false);
    if (result.ok) onSignedIn(result.value);
    else {
      setError(errorText(result.error));
      setPassword('');
    }
  };

  const office = info ? officeName(info.office, lang) : null;
  return (
    <main className="signin">
      <form
        className="signin-card"
        aria-labelledby="signin-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="signin-head">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              友
            </span>
            <span className="brand-name">{t('app.title')}</span>
          </div>
          <label className="lang">
            <span>{t('app.language')}</span>
            <select value={lang} onChange={(e) => chooseLang(e.target.value as Lang)}>
              <LanguageOptions />
            </select>
          </label>
        </div>
        <h1 id="signin-title">{t('auth.title')}</h1>
        {info ? (
          <dl className="signin-where" data-testid="signin-where">
            <dt>{t('auth.office')}</dt>
            <dd>{office ?? <span className="muted">{t('auth.officeUnnamed')}</span>}</dd>
            <dt>{t('auth.registry')}</dt>
            <dd title={info.registry}>{info.registryName}</dd>
          </dl>
        ) : null}
        {signedOut ? (
          <p className="signin-notice" role="status">
            {signedOut.by
              ? t('auth.switchedBy', { from: signedOut.from, by: signedOut.by })
              : t('auth.switched', { from: signedOut.from })}
          </p>
        ) : null}
        <p className="section-intro">{t('auth.intro')}</p>
        <label htmlFor="signin-name">{t('auth.name')}</label>
        <input
          id="signin-name"
          autoComplete="username"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="signin-password">{t('auth.password')}</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error ? (
          <p className="signin-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !name || !password}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        {info?.host === 'electron' ? (
          // The desktop app opens the file its user chooses, as `--db` would.
          <button type="button" onClick={() => setOpening(true)}>
            {t('auth.openRegistry')}
          </button>
        ) : info ? (
          <p className="muted signin-other">{t('auth.openHere')}</p>
        ) : null}
      </form>
      {opening ? <RegistriesDialog mode="open" onClose={() => setOpening(false)} /> : null}
    </main>
  );
}

/** The office's name in the language shown, else in the other; null when it has none. */
function officeName(office: AppInfo['office'], lang: Lang): string | null {
  return (lang === 'en' ? (office.en ?? office.zh) : (office.zh ?? office.en)) || null;
}

/**
 * The signed-in member, changing their own password, and signing out, for the top bar
 * (nothing outside shared mode).
 */
export function SessionBadge() {
  const { t } = useTranslation();
  const session = useSession();
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  const staff = session?.who.staff;
  if (!session || !staff) return null;
  return (
    <span className="session-badge" data-testid="session-badge">
      <span>
        {t('auth.signedInAs', { name: staff.name, role: t(`staff.roles.${staff.role}`) })}
      </span>
      {changed ? (
        <span className="saved" role="status">
          {t('auth.passwordChanged')}
        </span>
      ) : null}
      <button
        type="button"
        className="small"
        onClick={() => {
          setChanged(false);
          setChanging(true);
        }}
      >
        {t('auth.changePassword')}
      </button>
      <button type="button" className="small" onClick={() => void session.signOut()}>
        {t('auth.signOut')}
      </button>
      {changing ? (
        <ChangePasswordDialog
          onClose={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            setChanged(true);
          }}
        />
      ) : null}
    </span>
  );
}
