import { createLettersService } from './letters.service';
import { createReferenceService, createSettingsService } from './reference.service';
import { createReportService } from './report.service';
import { createStepsService } from './steps.service';
import { createVisitsService } from './visits.service';
import { createTiesService, type ServiceDeps } from './ties.service';

/** Every service of the core, built once per open registry. */
export function createServices(deps: ServiceDeps) {
  const settings = createSettingsService(deps);
  return {
    settings,
    reference: createReferenceService(deps, settings),
    ties: createTiesService(deps),
    letters: createLettersService(deps),
    steps: createStepsService(deps),
    visits: createVisitsService(deps),
    reports: createReportService(deps, settings),
  };
}
export type Services = ReturnType<typeof createServices>;
