import { createReferenceService, createSettingsService } from './reference.service';
import { createTiesService, type ServiceDeps } from './ties.service';

/** Every service of the core, built once per open registry. */
export function createServices(deps: ServiceDeps) {
  const settings = createSettingsService(deps);
  return {
    settings,
    reference: createReferenceService(deps, settings),
    ties: createTiesService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;
