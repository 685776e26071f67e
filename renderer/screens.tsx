import type { ReactNode } from 'react';
import type { Lang } from '../shared/i18n';
import { GridScreen } from './grid/GridScreen';
import { FollowUps } from './followups/FollowUps';
import { interchangeToolbar } from './interchange/GridInterchange';
import { lettersGrid } from './letters/lettersGrid';
import { stepsGrid } from './approvals/stepsGrid';
import { visitsGrid } from './visits/visitsGrid';
import { PipelineBoard } from './pipeline/PipelineBoard';
import { PlacesScreen } from './places/PlacesScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { TiesScreen } from './ties/TiesScreen';

import type { Screen } from './navigation';

export { SCREENS, type Screen } from './navigation';

export function renderScreen(screen: Screen, lang: Lang): ReactNode {
  switch (screen) {
    case 'ties':
      return <TiesScreen key={lang} lang={lang} />;
    case 'reports':
      return <ReportsScreen key={lang} lang={lang} />;
    case 'letters':
      return (
        <GridScreen
          key={`letters-${lang}`}
          spec={lettersGrid}
          lang={lang}
          toolbar={interchangeToolbar}
        />
      );
    case 'approvals':
      return (
        <GridScreen
          key={`steps-${lang}`}
          spec={stepsGrid}
          lang={lang}
          toolbar={interchangeToolbar}
        />
      );
    case 'visits':
      return (
        <GridScreen
          key={`visits-${lang}`}
          spec={visitsGrid}
          lang={lang}
          toolbar={interchangeToolbar}
        />
      );
    case 'pipeline':
      return <PipelineBoard key={lang} lang={lang} />;
    case 'followups':
      return <FollowUps key={lang} lang={lang} />;
    case 'places':
      return <PlacesScreen key={lang} lang={lang} />;
    case 'settings':
      return <SettingsScreen key={lang} lang={lang} />;
  }
}
