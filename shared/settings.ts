import { z } from 'zod';
import { CONTINENTS } from './countries';

/**
 * Office settings kept in the registry (so they travel with the file). Each has a default;
 * `settings:update` validates a patch against this schema.
 */
export const settingsSchema = z.strictObject({
  /** UI language; null follows the operating system. */
  language: z.enum(['zh', 'en']).nullable().default(null),
  /** The staff member's name for the audit log; null falls back to the OS user. */
  staffName: z.string().trim().max(100).nullable().default(null),
  officeName: z.string().trim().max(200).nullable().default(null),
  /** Printed on the annual summary's signature line (the office and its seal); null: its name. */
  reportSignature: z.string().trim().max(200).nullable().default(null),
  /** Countries whose continent the office counts differently from the dataset. */
  continentOverrides: z.record(z.string().regex(/^[A-Z]{2}$/), z.enum(CONTINENTS)).default({}),
});
export type Settings = z.output<typeof settingsSchema>;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];
export const defaultSettings: Settings = settingsSchema.parse({});
/**
 * A patch names only the settings it changes. Zod 4 applies a default inside an optional key,
 * so a patch is built from the fields without their defaults: `{ language }` must not reset
 * the office name.
 */
const shape = settingsSchema.shape;
export const settingsPatch = z
  .strictObject({
    language: shape.language.unwrap(),
    staffName: shape.staffName.unwrap(),
    officeName: shape.officeName.unwrap(),
    reportSignature: shape.reportSignature.unwrap(),
    continentOverrides: shape.continentOverrides.unwrap(),
  } satisfies Record<keyof Settings, z.ZodType>)
  .partial();
