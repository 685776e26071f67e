import { comparePlaceNames } from '../../shared/place-keys';
import { listTieSummaries } from '../../db/ties.repository';
import { firstDay } from '../../shared/dates';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { TieAnniversary } from '../../shared/ipc/workflow';
import { anniversaryIn } from '../../shared/workflow';
import type { ServiceDeps } from '../core/transaction';

/** The standing ties that reach a round number of years in a given year. */
export function createAnniversariesService(deps: ServiceDeps) {
  return {
    anniversaries: async (
      input: ParsedInputOf<'ties:anniversaries'>,
    ): Promise<TieAnniversary[]> => {
      const rows = await listTieSummaries(deps.db, { established: true });
      return rows
        .map((r) => ({ r, years: anniversaryIn(r.established_on as string, input.year) }))
        .filter((x): x is { r: (typeof rows)[number]; years: number } => x.years !== null)
        .map(({ r, years }) => ({
          tie_id: r.id,
          local: r.local,
          partner: r.partner,
          country: r.country,
          kind: r.kind,
          on: r.established_on as string,
          years,
          suspended: r.stage === 'suspended',
        }))
        .sort(
          (a, b) =>
            firstDay(a.on).slice(5).localeCompare(firstDay(b.on).slice(5)) ||
            comparePlaceNames(a.partner, b.partner),
        );
    },
  };
}
