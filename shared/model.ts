import type { CountryCode, Continent } from './countries';
import type { PartialDate } from './dates';
import type {
  Direction,
  Field,
  Kind,
  LetterStatus,
  LetterType,
  Level,
  Outcome,
  Stage,
} from './enums';

/** Wire types: what the contract returns. Table rows are mapped to these in `db/`. */

export interface LocalityRow {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
  readonly level: Level;
  readonly parent_id: string | null;
  /** Its GB/T 2260 code where the place directory knows it (340100 for 合肥市). */
  readonly code: string | null;
  readonly version: number;
}

export interface PartnerRow {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
  readonly name_local: string | null;
  readonly place_kind: string;
  readonly country: CountryCode;
  readonly region: string | null;
  readonly version: number;
}

/** A tie as the grid shows it; column ids are the interchange column names. */
export interface TieRow {
  readonly id: string;
  readonly version: number;
  readonly locality_id: string;
  readonly local: string;
  readonly local_level: Level;
  readonly partner_id: string;
  readonly partner: string;
  readonly partner_zh: string | null;
  readonly country: CountryCode;
  readonly region: string | null;
  readonly kind: Kind;
  readonly stage: Stage;
  readonly established_on: PartialDate | null;
  readonly intent_signed_on: PartialDate | null;
  readonly first_contact_on: PartialDate | null;
  readonly signed_place: string | null;
  readonly our_signatory: string | null;
  readonly partner_signatory: string | null;
  readonly fields: readonly Field[];
  readonly notes: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  /** Who deleted it, on the rows of the deleted list (from the audit log). */
  readonly deleted_by?: string | null;
}

export interface CountryRow {
  readonly code: CountryCode;
  readonly alpha3: string;
  readonly en: string;
  readonly zh: string;
  /** The Chinese name's sort key (toneless pinyin), so a Chinese picker lists 德国 before 法国. */
  readonly zh_key: string;
  readonly continent: Continent;
}

export interface AuditRow {
  readonly seq: number;
  readonly entity: string;
  readonly entity_id: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly actor: string;
  readonly at: string;
}

export interface Page<T> {
  readonly rows: readonly T[];
  readonly total: number;
}

/** The tie a letter, a step or a visit belongs to, as its grids show it. */
export interface TieRef {
  readonly tie_id: string;
  readonly local: string;
  readonly partner: string;
  readonly country: CountryCode;
  /**
   * The sort keys of the two names, kept on write (toneless pinyin for Chinese): a grid that
   * holds its rows sorts by them, so 安庆市, 合肥市, 芜湖市 come in the order the ties grid
   * sorts them in SQL, not by code point.
   */
  readonly local_key: string;
  readonly partner_key: string;
}

export interface LetterRow extends TieRef {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly doc_type: LetterType;
  readonly signed_on: PartialDate | null;
  readonly signed_place: string | null;
  readonly our_signatory: string | null;
  readonly partner_signatory: string | null;
  readonly follow_up_on: PartialDate | null;
  readonly status: LetterStatus;
  readonly scan_name: string | null;
  readonly notes: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  /** Who deleted it, on the rows of the deleted list (from the audit log). */
  readonly deleted_by?: string | null;
}

export interface StepRow extends TieRef {
  readonly id: string;
  readonly version: number;
  readonly round: number;
  readonly position: number;
  readonly authority_zh: string;
  readonly authority_en: string;
  readonly submitted_on: PartialDate | null;
  readonly decided_on: PartialDate | null;
  readonly outcome: Outcome | null;
  /** The submission's reference number (报文文号). */
  readonly reference_no: string | null;
  /** The decision's reference number (批文文号). */
  readonly decision_ref: string | null;
  /** Who recorded the decision. */
  readonly decided_by: string | null;
  /**
   * A step of a resubmitted round not asked again: the round whose approval it carries over
   * (null for a step its own round asks for).
   */
  readonly carried_from_round: number | null;
  readonly note: string | null;
  /** Days since submission while no decision is recorded, as of today. */
  readonly waiting_days: number | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  /** Who deleted it, on the rows of the deleted list (from the audit log). */
  readonly deleted_by?: string | null;
}

export interface VisitRow {
  readonly id: string;
  readonly version: number;
  readonly direction: Direction;
  readonly locality_id: string | null;
  readonly local: string | null;
  readonly country: CountryCode | null;
  readonly leader: string | null;
  readonly leader_title: string | null;
  readonly start_on: PartialDate | null;
  readonly end_on: PartialDate | null;
  readonly size: number | null;
  readonly organisation: string | null;
  readonly purpose: string | null;
  readonly fields: readonly Field[];
  readonly outcomes: string | null;
  readonly agreements_signed: number;
  readonly amount: string | null;
  readonly currency: string | null;
  readonly notes: string | null;
  /** The ties the visit served, with a label for each. */
  readonly ties: readonly { readonly id: string; readonly label: string }[];
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  /** Who deleted it, on the rows of the deleted list (from the audit log). */
  readonly deleted_by?: string | null;
}
