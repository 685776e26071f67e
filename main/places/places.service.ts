import { auditRowFrom, listAudit } from '../../db/audit.repository';
import { listLocalities, localityRowFrom } from '../../db/localities.repository';
import { listPartners, partnerRowFrom } from '../../db/partners.repository';
import { allCountries, continentOf } from '../../shared/countries';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { AuditRow, CountryRow, LocalityRow, PartnerRow } from '../../shared/model';
import type { CallContext } from '../core/context';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import type { SettingsService } from '../settings/settings.service';
import { createLocalityIn, updateLocalityIn } from './places.write';
import { jurisdictionCode } from './directory.write';
import { divisionPath, searchDivisions } from '../../shared/divisions';
import type { DirectoryPlace } from '../../shared/ipc/reference';

export function createReferenceService(deps: ServiceDeps, settings: SettingsService) {
  return {
    async localities(): Promise<LocalityRow[]> {
      return (await listLocalities(deps.db)).map(localityRowFrom);
    },

    async createLocality(
      input: ParsedInputOf<'localities:create'>,
      ctx: CallContext,
    ): Promise<LocalityRow> {
      return inWriteTransaction(deps, ctx, async (env) => createLocalityIn(env, input), {
        scope: 'settings',
        label: 'undo.create',
        params: { target: input.name },
      });
    },

    async updateLocality(
      input: ParsedInputOf<'localities:update'>,
      ctx: CallContext,
    ): Promise<LocalityRow> {
      return inWriteTransaction(
        deps,
        ctx,
        (env) => updateLocalityIn(env, input.id, input.version, input.patch),
        { scope: 'settings', label: 'undo.update', params: { target: input.id } },
      );
    },

    async partners(input: ParsedInputOf<'partners:list'>): Promise<PartnerRow[]> {
      return (await listPartners(deps.db, input.country)).map(partnerRowFrom);
    },

    async countries(): Promise<CountryRow[]> {
      const { continentOverrides } = await settings.get();
      return allCountries().map((c) => ({
        ...c,
        continent: continentOf(c.code, continentOverrides),
      }));
    },

    async directory(input: ParsedInputOf<'places:directory'>): Promise<DirectoryPlace[]> {
      const within = await jurisdictionCode(deps.db);
      return searchDivisions(input.query, { within, limit: input.limit }).map((d) => ({
        code: d.code,
        name: d.name,
        en: d.en,
        level: d.level,
        within: divisionPath(d.code)
          .slice(0, -1)
          .map((p) => p.name)
          .join(' '),
      }));
    },

    async audit(input: ParsedInputOf<'audit:list'>): Promise<AuditRow[]> {
      return (await listAudit(deps.db, input)).map(auditRowFrom);
    },
  };
}
