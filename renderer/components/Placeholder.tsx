import { useTranslation } from 'react-i18next';

/** An empty screen that says what will be there. */
export function Placeholder({
  screen,
}: {
  screen: 'letters' | 'approvals' | 'visits' | 'pipeline' | 'settings';
}) {
  const { t } = useTranslation();
  return (
    <section className="placeholder" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{t(`nav.${screen}`)}</h1>
      <p>{t(`placeholder.${screen}`)}</p>
    </section>
  );
}
