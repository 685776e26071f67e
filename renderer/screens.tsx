import type { ReactNode } from 'react';
import type { Lang } from '../shared/i18n';
import { Placeholder } from './components/Placeholder';
import { BackupSection } from './settings/BackupSection';
import { TiesScreen } from './ties/TiesScreen';

/** The navigation, in order. Each feature registers its screen here. */
export const SCREENS = [
  'ties',
  'letters',
  'approvals',
  'visits',
  'pipeline',
  'reports',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

export function renderScreen(screen: Screen, lang: Lang): ReactNode {
  switch (screen) {
    case 'ties':
      return <TiesScreen key={lang} lang={lang} />;
    case 'letters':
    case 'approvals':
    case 'visits':
    case 'pipeline':
    case 'reports':
      return <Placeholder screen={screen} />;
    case 'settings':
      // Until the Settings screen lands, its backups section sits under the placeholder.
      return (
        <>
          <Placeholder screen={screen} />
          <BackupSection />
        </>
      );
  }
}
