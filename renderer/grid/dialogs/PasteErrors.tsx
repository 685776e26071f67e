import { useTranslation } from 'react-i18next';
import type { PasteIssue } from '../logic/clipboard';

/**
 * Every cell of a paste main refused, with its row, column, value and reason; or of another
 * block write (a range filled down or cleared), which says so in its own title.
 */
export function PasteErrors({
  issues,
  title,
  onClose,
}: {
  issues: readonly PasteIssue[];
  title?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="paste-errors" role="alert" aria-labelledby="paste-errors-title">
      <header>
        <h2 id="paste-errors-title">{title ?? t('grid.pasteRefused', { count: issues.length })}</h2>
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
