import { useTranslation } from 'react-i18next';
import type { PasteIssue } from '../logic/clipboard';

/** Every cell of a paste main refused, with its row, column, value and reason. */
export function PasteErrors({
  issues,
  onClose,
}: {
  issues: readonly PasteIssue[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="paste-errors" role="alert" aria-labelledby="paste-errors-title">
      <header>
        <h2 id="paste-errors-title">{t('grid.pasteRefused', { count: issues.length })}</h2>
        <button type="button" onClick={onClose}>
          {t('actions.close')}
        </button>
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('grid.row')}</th>
            <th>{t('grid.column')}</th>
            <th>{t('grid.value')}</th>
            <th>{t('grid.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}>
              <td>{issue.row}</td>
              <td>{issue.column}</td>
              <td className="value">{issue.value}</td>
              <td>{issue.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
