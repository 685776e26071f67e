import { placeKeys } from '../../shared/place-keys';
import { auditRowFrom, listAudit } from '../../db/audit.repository';
import { getLocality, listLocalities, localityRowFrom } from '../../db/localities.repository';
import {
  countLiveTiesOfPartner,
  getPartner,
  listPartners,
  partnerRowFrom,
} from '../../db/partners.repository';
import { allCountries, continentOf } from '../../shared/countries';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { AuditRow, CountryRow, LocalityRow, PartnerRow } from '../../shared/model';
import type { ServiceDeps } from '../core/transaction';
import type { WriteEnv } from '../core/write-env';
import type { SettingsService } from '../settings/settings.service';
import { createLocalityIn, updateLocalityIn, updatePartnerIn } from './places.write';
import { livePlaces, mergeIn, planMerge } from './places.merge';
import { liveTieCounts } from '../../db/ties.repository';
import { duplicateLocalities, duplicatePartners } from '../../shared/place-duplicates';
import type { PlacePartner, PlacesOverview } from '../../shared/ipc/places';
import type { CountryCode } from '../../shared/countries';
import { jurisdictionCode } from './directory.write';
import { hanVariantFold } from './han-variants';
import { divisionPath, searchDivisions } from '../../shared/divisions';
import type { DirectoryPlace } from '../../shared/ipc/reference';

export function createReferenceService(deps: ServiceDeps, settings: SettingsService) {
  const foldHan = hanVariantFold();
  return {
    async localities(): Promise<LocalityRow[]> {
      return (await listLocalities(deps.db)).map(localityRowFrom);
    },

    // The write blocks: the door's `write` runs each in its transaction and logs its command.
    createLocalityIn: (env: WriteEnv, input: ParsedInputOf<'localities:create'>) =>
      createLocalityIn(env, input),

    updateLocalityIn: (env: WriteEnv, input: ParsedInputOf<'localities:update'>) =>
      updateLocalityIn(env, input.id, input.version, input.patch),

    async partners(input: ParsedInputOf<'partners:list'>): Promise<PartnerRow[]> {
      return (await listPartners(deps.db, input.country)).map(partnerRowFrom);
    },

    /** Every live locality and partner with its live ties, and the likely duplicates. */
    async overview(): Promise<PlacesOverview> {
      const { localities, partners } = await livePlaces(deps.db);
      const byLocality = await liveTieCounts(deps.db, 'locality_id');
      const byPartner = await liveTieCounts(deps.db, 'partner_id');
      const names = new Map(localities.map((l) => [l.id, l.name]));
      return {
        localities: localities.map((l) => ({
          id: l.id,
          name: l.name,
          name_zh: l.name_zh,
          name_en: l.name_en,
          level: l.level,
          parent_id: l.parent_id,
          parent: l.parent_id ? (names.get(l.parent_id) ?? null) : null,
          code: l.code,
          pinyin: l.pinyin,
          initials: l.initials,
          ties: byLocality.get(l.id) ?? 0,
          version: l.version,
        })),
        partners: partners.map((p) => ({
          id: p.id,
          name: p.name,
          name_zh: p.name_zh,
          name_en: p.name_en,
          country: p.country as CountryCode,
          pinyin: p.pinyin,
          initials: p.initials,
          ties: byPartner.get(p.id) ?? 0,
          version: p.version,
        })),
        suggestions: [
          ...duplicateLocalities(localities).map((d) => ({ of: 'locality' as const, ...d })),
          ...duplicatePartners(partners, foldHan).map((d) => ({ of: 'partner' as const, ...d })),
        ],
      };
    },

    async updatePartnerIn(
      env: WriteEnv,
      input: ParsedInputOf<'partners:update'>,
    ): Promise<PlacePartner> {
      const row = await updatePartnerIn(env, input.id, input.version, input.patch);
      return {
        id: row.id,
        name: row.name,
        name_zh: row.name_zh,
        name_en: row.name_en,
        country: row.country as CountryCode,
        pinyin: row.pinyin,
        initials: row.initials,
        ties: await countLiveTiesOfPartner(env.trx, row.id),
        version: row.version,
      };
    },

    mergePlan(input: ParsedInputOf<'places:mergePlan'>) {
      return planMerge(deps.db, input);
    },

    /** Two records of one place made one, as one undoable command. */
    mergeIn: (env: WriteEnv, input: ParsedInputOf<'places:merge'>) => mergeIn(env, input),

    /** How the undo list names a merge: both records, by their names before it. */
    async mergeNamed(env: WriteEnv, input: ParsedInputOf<'places:merge'>) {
      const get = input.of === 'locality' ? getLocality : getPartner;
      const [keep, remove] = [await get(env.trx, input.keep), await get(env.trx, input.remove)];
      return { keep: keep?.name ?? input.keep, remove: remove?.name ?? input.remove };
    },

    async countries(): Promise<CountryRow[]> {
      const { continentOverrides } = await settings.get();
      return allCountries().map((c) => ({
        ...c,
        zh_key: placeKeys(c.zh).pinyin,
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
