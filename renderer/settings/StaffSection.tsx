import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type StaffMember } from '../../shared/staff';
import { attempt } from '../api/client';
import { useCan, useSession } from '../auth/session';
import { errorText } from '../i18n';

type Notice = { kind: 'ok' | 'error'; text: string };

/**
 * The Settings section for staff: shown to approvers of a shared registry, and to the one user
 * of a registry without accounts (who adds the first, an approver, and is signed in as it).
 * Main enforces who may do this; the section only hides itself from those who may not.
 */
export function StaffSection() {
  const { t } = useTranslation();
  const session = useSession();
  const who = session?.who;
  const administer = useCan('administer');
  const allowed = who ? administer : false;
  const [list, setList] = useState<StaffMember[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [confirms, setConfirms] = useState<Record<string, string>>({});

  const shared = who?.shared ?? false;
  const load = useCallback(
    () =>
      shared
        ? attempt('staff:list', {}).then((result) => {
            if (result.ok) setList(result.value);
            else setNotice({ kind: 'error', text: errorText(result.error) });
          })
        : Promise.resolve(),
    [shared],
  );

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!session || !who || !allowed) return null;

  const add = async () => {
    // Typed twice: main refuses a second typing that differs, and the notice says so.
    const result = await attempt('staff:create', { name, password, confirm, role });
    if (!result.ok) {
      setNotice({ kind: 'error', text: errorText(result.error) });
      return;
    }
    setNotice({ kind: 'ok', text: t('staff.added', { name: result.value.name }) });
    setName('');
    setPassword('');
    setConfirm('');
    // The first account turned the registry shared and signed this window in as it.
    if (!who.shared) await session.refresh();
    else await load();
  };

  const update = async (member: StaffMember, patch: { role?: Role; active?: boolean }) => {
    const result = await attempt('staff:update', {
      id: member.id,
      version: member.version,
      patch,
    });
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('staff.saved') }
        : { kind: 'error', text: errorText(result.error) },
    );
    await load();
    if (result.ok && member.id === who.staff?.id) await session.refresh();
  };

  const unlock = async (member: StaffMember) => {
    const result = await attempt('staff:unlock', { id: member.id });
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('staff.unlocked', { name: member.name }) }
        : { kind: 'error', text: errorText(result.error) },
    );
    await load();
  };

  const setPasswordOf = async (member: StaffMember) => {
    const result = await attempt('staff:setPassword', {
      id: member.id,
      version: member.version,
      password: passwords[member.id] ?? '',
      confirm: confirms[member.id] ?? '',
    });
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('staff.passwordSet', { name: member.name }) }
        : { kind: 'error', text: errorText(result.error) },
    );
    if (result.ok) {
      setPasswords({ ...passwords, [member.id]: '' });
      setConfirms({ ...confirms, [member.id]: '' });
    }
    await load();
  };

  return (
    <section className="settings-section" aria-labelledby="staff-title">
      <div className="section-head">
        <h2 id="staff-title">{t('staff.title')}</h2>
      </div>
      <p className="section-intro">{who.shared ? t('staff.intro') : t('staff.firstIntro')}</p>
      {notice ? (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
        </div>
      ) : null}
      {list.length > 0 ? (
        <table className="plain-table staff-table" data-testid="staff">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.active')}</th>
              <th scope="col">{t('staff.newPassword')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.name} {member.id === who.staff?.id ? t('staff.you') : null}
                </td>
                <td>
                  <select
                    aria-label={`${t('staff.role')} ${member.name}`}
                    value={member.role}
                    onChange={(e) => void update(member, { role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`staff.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('staff.active')} ${member.name}`}
                    checked={member.active}
                    onChange={(e) => void update(member, { active: e.target.checked })}
                  />
                  {member.locked ? (
                    <span className="staff-locked">
                      {t('staff.locked')}
                      <button
                        type="button"
                        className="small"
                        aria-label={`${t('staff.unlock')} ${member.name}`}
                        onClick={() => void unlock(member)}
                      >
                        {t('staff.unlock')}
                      </button>
                    </span>
                  ) : null}
                </td>
                <td>
                  <input
                    type="password"
                    autoComplete="new-password"
                    aria-label={`${t('staff.newPassword')} ${member.name}`}
                    value={passwords[member.id] ?? ''}
                    onChange={(e) => setPasswords({ ...passwords, [member.id]: e.target.value })}
                  />{' '}
                  <input
                    type="password"
                    autoComplete="new-password"
                    aria-label={`${t('staff.confirmPassword')} ${member.name}`}
                    placeholder={t('staff.confirmPassword')}
                    value={confirms[member.id] ?? ''}
                    onChange={(e) => setConfirms({ ...confirms, [member.id]: e.target.value })}
                  />{' '}
                  <button
                    type="button"
                    className="small"
                    disabled={!passwords[member.id]}
                    onClick={() => void setPasswordOf(member)}
                  >
                    {t('staff.setPassword')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        className="staff-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          aria-label={t('staff.name')}
          placeholder={t('staff.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          type="password"
          autoComplete="new-password"
          aria-label={t('staff.password')}
          placeholder={t('staff.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <input
          type="password"
          autoComplete="new-password"
          aria-label={t('staff.confirmPassword')}
          placeholder={t('staff.confirmPassword')}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {who.shared ? (
          <select
            aria-label={t('staff.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staff.roles.${r}`)}
              </option>
            ))}
          </select>
        ) : null}
        <button type="submit" className="primary" disabled={!name || !password}>
          {t('staff.add')}
        </button>
      </form>
    </section>
  );
}
