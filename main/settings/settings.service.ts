import { getLocality } from '../../db/localities.repository';
import { readSettings, writeSetting } from '../../db/settings.repository';
import type { Executor } from '../../db/schema';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings';
import { notFound } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

/** The office's settings: read with defaults for what is missing or unreadable, written with audit. */

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
    /** The write block: the door's `write` runs it in its transaction and logs its command. */
    async updateIn(env: WriteEnv, input: ParsedInputOf<'settings:update'>): Promise<Settings> {
      const before = await readSettings(env.trx);
      // The office's own jurisdiction is one of the registry's localities.
      const own = input.patch.jurisdictionId;
      if (own && !(await getLocality(env.trx, own))) throw notFound('locality', own);
      for (const [key, value] of Object.entries(input.patch)) {
        if (value === undefined) continue;
        await writeSetting(env.trx, key, value, env.at);
        await audit(env, 'setting', key, 'update', before[key] ?? null, value);
      }
      return get(env.trx);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
