import type { ReactNode } from 'react';
import type { Lang } from '../shared/i18n';
import { Placeholder } from './components/Placeholder';
import { ReportsScreen } from './reports/ReportsScreen';
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
    case 'reports':
      return <ReportsScreen key={lang} lang={lang} />;
    case 'letters':
    case 'approvals':
    case 'visits':
    case 'pipeline':
    case 'settings':
      return <Placeholder screen={screen} />;
  }
}
