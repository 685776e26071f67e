import { auditRowFrom, listAudit } from '../../db/audit.repository';
import {
  findLocalityByName,
  getLocality,
  insertLocality,
  listLocalities,
  localityRowFrom,
  updateLocality,
} from '../../db/localities.repository';
import { listPartners, partnerRowFrom } from '../../db/partners.repository';
import { readSettings, writeSetting } from '../../db/settings.repository';
import type { Executor, Row } from '../../db/schema';
import { allCountries, continentOf } from '../../shared/countries';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { AuditRow, CountryRow, LocalityRow, PartnerRow } from '../../shared/model';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings';
import type { CallContext } from '../core/context';
import { conflict, notFound, rule } from '../core/errors';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

export function createSettingsService(deps: ServiceDeps) {
  /** Settings as stored, read through `db` (pass the transaction when inside one). */
  async function get(db: Executor = deps.db): Promise<Settings> {
    const stored = await readSettings(db);
    // A stored value this version does not accept falls back to its default, key by key.
    const out: Record<string, unknown> = { ...defaultSettings };
    for (const [key, value] of Object.entries(stored)) {
      const shape = settingsSchema.shape as Record<
        string,
        { safeParse(v: unknown): { success: boolean; data?: unknown } }
      >;
      const parsed = shape[key]?.safeParse(value);
      if (parsed?.success) out[key] = parsed.data;
    }
    return out as Settings;
  }

  return {
    get,
    async update(input: ParsedInputOf<'settings:update'>, ctx: CallContext): Promise<Settings> {
      await inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          const before = await readSettings(env.trx);
          // The office's own jurisdiction is one of the registry's localities.
          const own = input.patch.jurisdictionId;
          if (own && !(await getLocality(env.trx, own))) throw notFound('locality', own);
          for (const [key, value] of Object.entries(input.patch)) {
            if (value === undefined) continue;
            await writeSetting(env.trx, key, value, env.at);
            await audit(env, 'setting', key, 'update', before[key] ?? null, value);
          }
        },
        {
          scope: 'settings',
          label: 'undo.settings',
          params: { keys: Object.keys(input.patch) },
        },
      );
      return get();
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;

/** A new locality: its name is unique among live ones, its parent must exist. */
export async function createLocalityIn(
  env: WriteEnv,
  input: ParsedInputOf<'localities:create'>,
): Promise<LocalityRow> {
  if (await findLocalityByName(env.trx, input.name))
    throw rule('errors.locality.duplicate', { name: input.name });
  if (input.parent_id && !(await getLocality(env.trx, input.parent_id)))
    throw notFound('locality', input.parent_id);
  const row: Row<'localities'> = {
    id: env.ids.next(),
    name: input.name,
    name_zh: input.name_zh ?? null,
    name_en: input.name_en ?? null,
    level: input.level,
    parent_id: input.parent_id ?? null,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertLocality(env.trx, row);
  await audit(env, 'locality', row.id, 'create', null, row);
  return localityRowFrom(row);
}

export async function updateLocalityIn(
  env: WriteEnv,
  id: string,
  version: number,
  input: ParsedInputOf<'localities:update'>['patch'],
): Promise<LocalityRow> {
  const current = await getLocality(env.trx, id);
  if (!current || current.deleted_at !== null) throw notFound('locality', id);
  if (current.version !== version) throw conflict('locality', localityRowFrom(current));
  if (input.name !== undefined && input.name !== current.name) {
    const clash = await findLocalityByName(env.trx, input.name);
    if (clash && clash.id !== current.id)
      throw rule('errors.locality.duplicate', { name: input.name });
  }
  if (input.parent_id) {
    // A locality cannot sit under itself or under one of its own descendants.
    let cursor: string | null = input.parent_id;
    while (cursor) {
      if (cursor === current.id) throw rule('errors.locality.cycle', { name: current.name });
      cursor = (await getLocality(env.trx, cursor))?.parent_id ?? null;
    }
  }
  const patch = { ...input, updated_at: env.at };
  if (!(await updateLocality(env.trx, current.id, current.version, patch))) {
    throw conflict(
      'locality',
      localityRowFrom((await getLocality(env.trx, current.id)) ?? current),
    );
  }
  const after = { ...current, ...patch, version: current.version + 1 };
  await audit(env, 'locality', current.id, 'update', current, after);
  return localityRowFrom(after);
}

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

    async audit(input: ParsedInputOf<'audit:list'>): Promise<AuditRow[]> {
      return (await listAudit(deps.db, input)).map(auditRowFrom);
    },
  };
}
