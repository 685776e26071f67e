import { z } from 'zod';
import type { Level } from '../enums';
import type { AuditRow, CountryRow, LocalityRow, PartnerRow } from '../model';
import { country, enumOf, id, name, optionalName, version } from '../schemas';
import { settingsPatch, type Settings } from '../settings';
import { command, query } from './channel';

export interface AppInfo {
  readonly version: string;
  /** The file, or the PostgreSQL URL without its password. */
  readonly registry: string;
  /** The registry as a person names it: the file's name, or the database and its server. */
  readonly registryName: string;
  /**
   * The office the registry is kept for and its language (null: not set). Served before
   * sign-in: the sign-in screen names them and speaks the office's language.
   */
  readonly office: { readonly zh: string | null; readonly en: string | null };
  readonly language: 'zh' | 'en' | null;
  readonly schema: string;
  readonly actor: string;
  readonly host: 'electron' | 'browser' | 'cli';
}

/** A place of China's administrative divisions, as a picker offers it. */
export interface DirectoryPlace {
  readonly code: string;
  readonly name: string;
  readonly en: string;
  readonly level: Level;
  /** Its province and city, for telling 朝阳区 from 朝阳区: 北京市 or 吉林省 长春市. */
  readonly within: string;
}

export const referenceChannels = {
  'app:info': query(z.strictObject({})).returns<AppInfo>(),
  'localities:list': query(z.strictObject({})).returns<LocalityRow[]>(),
  'localities:create': command(
    z.strictObject({
      name: name(100),
      name_zh: optionalName(100).optional(),
      name_en: optionalName(100).optional(),
      level: enumOf('level'),
      parent_id: id.nullable().optional(),
    }),
  ).returns<LocalityRow>(),
  'localities:update': command(
    z.strictObject({
      id,
      version,
      patch: z
        .strictObject({
          name: name(100),
          name_zh: optionalName(100),
          name_en: optionalName(100),
          level: enumOf('level'),
          parent_id: id.nullable(),
        })
        .partial(),
    }),
  ).returns<LocalityRow>(),
  'partners:list': query(z.strictObject({ country: country.optional() })).returns<PartnerRow[]>(),
  'countries:list': query(z.strictObject({})).returns<CountryRow[]>(),
  /** Places of the directory by name, English name or pinyin initials, the jurisdiction's first. */
  'places:directory': query(
    z.strictObject({
      query: z.string().max(100),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  ).returns<DirectoryPlace[]>(),
  'settings:get': query(z.strictObject({})).returns<Settings>(),
  'settings:update': command(z.strictObject({ patch: settingsPatch })).returns<Settings>(),
  'audit:list': query(
    z.strictObject({
      entity: z.string().max(40).optional(),
      entity_id: id.optional(),
      limit: z.number().int().min(1).max(10_000).default(500),
    }),
  ).returns<AuditRow[]>(),
};
