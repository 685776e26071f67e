import { z } from 'zod';
import { CONTINENTS } from './countries';

/**
 * Office settings kept in the registry (so they travel with the file). Each has a default;
 * `settings:update` validates a patch against this schema.
 */
const fields = {
  /** UI language; null follows the operating system. */
  language: z.enum(['zh', 'en']).nullable(),
  /** The staff member's name for the audit log; null falls back to the OS user. */
  staffName: z.string().trim().max(100).nullable(),
  officeName: z.string().trim().max(200).nullable(),
  /** Countries whose continent the office counts differently from the dataset. */
  continentOverrides: z.record(z.string().regex(/^[A-Z]{2}$/), z.enum(CONTINENTS)),
};
export const settingsSchema = z.strictObject({
  language: fields.language.default(null),
  staffName: fields.staffName.default(null),
  officeName: fields.officeName.default(null),
  continentOverrides: fields.continentOverrides.default({}),
});
export type Settings = z.output<typeof settingsSchema>;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];
export const defaultSettings: Settings = settingsSchema.parse({});
/**
 * A change to some settings. Built from the fields without their defaults: with them, zod fills
 * every key left out, and a patch of one setting would reset all the others.
 */
export const settingsPatch = z.strictObject(fields).partial();
