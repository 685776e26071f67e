import type { ServiceDeps } from '../core/transaction';
import type { SettingsService } from '../settings/settings.service';
import { createAnniversariesService } from './anniversaries.service';
import { createApprovalsService } from './approvals.service';
import { createChainsService } from './chains.service';
import { createFollowUpsService } from './follow-ups.service';
import { createStagesService } from './stages.service';

/**
 * The tie workflow, one concern per file: stage moves (`stages`), the approval chain and its
 * decisions (`approvals`), the chains themselves (`chains`), follow-ups and anniversaries.
 */
export function createWorkflowService(deps: ServiceDeps, settings: SettingsService) {
  return {
    ...createStagesService(deps, settings),
    ...createApprovalsService(deps, settings),
    ...createChainsService(deps),
    ...createFollowUpsService(deps, settings),
    ...createAnniversariesService(deps),
  };
}
