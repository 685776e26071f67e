import { createGridService } from '../grid/grid.service';
import { createInterchangeService } from '../interchange/interchange.service';
import { createBackupsService } from '../backups/backups.service';
import { createLettersService } from '../letters/letters.service';
import { createUndoService } from '../undo/undo.service';
import { createReferenceService } from '../places/places.service';
import { createSettingsService } from '../settings/settings.service';
import { createReportService, type PdfEngine } from '../reports/reports.service';
import { createRegistriesService } from '../registries/registries.service';
import { createStepsService } from '../steps/steps.service';
import { createChangesService } from '../grid/changes.service';
import { createStaffService } from '../staff/staff.service';
import { createVisitsService } from '../visits/visits.service';
import { createWorkflowService } from '../workflow/workflow.service';
import { createTiesService } from '../ties/ties.service';
import { type ServiceDeps } from './transaction';

/** Every service of the core, built once per open registry. */
export function createServices(
  deps: ServiceDeps,
  /** Who acts outside shared mode (the staff name setting, else the OS user). */
  fallbackActor: () => Promise<string> = () => Promise.resolve('unknown'),
  /** How PDFs are made where the platform cannot (the registry's warm Chromium). */
  options: { readonly pdf?: PdfEngine } = {},
) {
  const settings = createSettingsService(deps);
  return {
    settings,
    reference: createReferenceService(deps, settings),
    ties: createTiesService(deps),
    letters: createLettersService(deps),
    steps: createStepsService(deps),
    visits: createVisitsService(deps),
    workflow: createWorkflowService(deps, settings),
    undo: createUndoService(deps),
    grid: createGridService(deps),
    interchange: createInterchangeService(deps),
    backups: createBackupsService(deps),
    reports: createReportService(deps, settings, options.pdf),
    staff: createStaffService(deps, fallbackActor),
    changes: createChangesService(deps),
    registries: createRegistriesService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;
