import { z } from 'zod';
import { CONTINENTS } from './countries';
import { storableText } from './schemas';

/**
 * Office settings kept in the registry (so they travel with the file). Each has a default;
 * `settings:update` validates a patch against this schema.
 */
const fields = {
  /** UI language; null follows the operating system. */
  language: z.enum(['zh', 'en']).nullable(),
  /** The staff member's name for the audit log; null falls back to the OS user. */
  staffName: storableText().trim().max(100).nullable(),
  officeName: storableText().trim().max(200).nullable(),
  /** The office's name in English documents; null: its name as above. */
  officeNameEn: storableText().trim().max(200).nullable(),
  /** Printed on the annual summary's signature line (the office and its seal); null: its name. */
  reportSignature: storableText().trim().max(200).nullable(),
  /** The signature line of English documents; null: the English office name, else the above. */
  reportSignatureEn: storableText().trim().max(200).nullable(),
  /** Whether a report's footer says it was prepared with Youcheng (offices send them unsigned by software). */
  reportGeneratedLine: z.boolean(),
  /** The office's own jurisdiction (a locality), set on the first run or in Settings. */
  jurisdictionId: z.string().min(1).max(64).nullable(),
  /** The order reports list continents in; null: by count, the most first. */
  continentOrder: z.array(z.enum(CONTINENTS)).max(CONTINENTS.length).nullable(),
  /** Countries whose continent the office counts differently from the dataset. */
  continentOverrides: z.record(z.string().regex(/^[A-Z]{2}$/), z.enum(CONTINENTS)),
  /** When a tie needs following up (the follow-ups dashboard and the counts on the navigation). */
  followUps: z.strictObject({
    /** A letter of intent with no progress for this many months. */
    letterMonths: z.number().int().min(1).max(120),
    /** A tie approved but not signed after this many days. */
    approvedDays: z.number().int().min(1).max(3650),
    /** An approval step waiting for a decision longer than this many days. */
    stepDays: z.number().int().min(1).max(3650),
    /** An established tie with no visit for this many years. */
    visitYears: z.number().int().min(1).max(50),
  }),
  /** Whether upgrading an exchange tie to a friendship tie needs an approved chain first. */
  upgradeRequiresChain: z.boolean(),
  /**
   * Per chain (our locality's level): whether a resubmission after a return asks again for the
   * approvals given before the returning step. Off: they carry over and the resubmission starts
   * at the authority that returned it.
   */
  chainReapprove: z.strictObject({ province: z.boolean(), city: z.boolean(), county: z.boolean() }),
};
export const settingsSchema = z.strictObject({
  language: fields.language.default(null),
  staffName: fields.staffName.default(null),
  officeName: fields.officeName.default(null),
  officeNameEn: fields.officeNameEn.default(null),
  reportSignature: fields.reportSignature.default(null),
  reportSignatureEn: fields.reportSignatureEn.default(null),
  reportGeneratedLine: fields.reportGeneratedLine.default(false),
  jurisdictionId: fields.jurisdictionId.default(null),
  continentOrder: fields.continentOrder.default(null),
  continentOverrides: fields.continentOverrides.default({}),
  followUps: fields.followUps.default({
    letterMonths: 6,
    approvedDays: 90,
    stepDays: 30,
    visitYears: 3,
  }),
  upgradeRequiresChain: fields.upgradeRequiresChain.default(false),
  chainReapprove: fields.chainReapprove.default({ province: false, city: false, county: false }),
});
export type Settings = z.output<typeof settingsSchema>;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];
export const defaultSettings: Settings = settingsSchema.parse({});
/**
 * A change to some settings. Built from the fields without their defaults: with them, zod fills
 * every key left out, and a patch of one setting would reset all the others.
 */
export const settingsPatch = z.strictObject(fields).partial();
