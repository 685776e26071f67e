import type {
  ColumnType,
  Generated,
  Insertable,
  Kysely,
  Selectable,
  Transaction,
  Updateable,
} from 'kysely';
import type {
  Direction,
  Kind,
  LetterStatus,
  LetterType,
  Level,
  Outcome,
  PlaceKind,
  Stage,
} from '../shared/enums';
import type { GridName } from '../shared/ipc/grid';
import type { Role } from '../shared/staff';

/**
 * Table types, as stored. Dates of the domain are partial-date text (`1978`, `2016-09`,
 * `1979-11-02`); stamps are ISO-8601 UTC text; booleans are 0/1 integers and lists are JSON
 * text, so the same schema runs on SQLite and PostgreSQL. A column holding one of the domain's
 * vocabularies is typed with its union: the app writes only those values (the services and
 * imports validate them first), so a read needs no cast.
 */

interface Stamped {
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface LocalitiesTable extends Stamped {
  id: string;
  name: string;
  name_zh: string | null;
  name_en: string | null;
  level: Level;
  parent_id: string | null;
  /** GB/T 2260 code, where the place directory knows the locality. */
  code: string | null;
  /** Sort key (toneless pinyin, or the folded Latin name) and its initials, for search. */
  pinyin: string | null;
  initials: string | null;
}

export interface PartnersTable extends Stamped {
  id: string;
  name: string;
  name_zh: string | null;
  name_en: string | null;
  name_local: string | null;
  place_kind: PlaceKind;
  country: string;
  region: string | null;
  pinyin: string | null;
  initials: string | null;
}

export interface TiesTable extends Stamped {
  id: string;
  locality_id: string;
  partner_id: string;
  kind: Kind;
  stage: Stage;
  first_contact_on: string | null;
  intent_signed_on: string | null;
  established_on: string | null;
  signed_place: string | null;
  our_signatory: string | null;
  partner_signatory: string | null;
  /** JSON array of field values. */
  fields: string;
  notes: string | null;
}

export interface TieEventsTable {
  id: string;
  tie_id: string;
  seq: number;
  type: 'stage' | 'kind';
  stage: Stage | null;
  from_stage: Stage | null;
  kind: Kind | null;
  from_kind: Kind | null;
  occurred_on: string | null;
  /** First day of `occurred_on`, for ordering in SQL; null when undated. */
  occurred_key: string | null;
  note: string | null;
  confidential: number;
  override_reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface LettersTable extends Stamped {
  id: string;
  tie_id: string;
  title: string;
  doc_type: LetterType;
  signed_on: string | null;
  signed_place: string | null;
  our_signatory: string | null;
  partner_signatory: string | null;
  follow_up_on: string | null;
  status: LetterStatus;
  scan_file: string | null;
  scan_name: string | null;
  notes: string | null;
}

export interface ApprovalTemplatesTable {
  id: string;
  level: Level;
  position: number;
  authority_zh: string;
  authority_en: string;
}

export interface ApprovalStepsTable extends Stamped {
  id: string;
  tie_id: string;
  round: number;
  position: number;
  authority_zh: string;
  authority_en: string;
  submitted_on: string | null;
  decided_on: string | null;
  outcome: Outcome | null;
  /** The submission's reference number (报文文号). */
  reference_no: string | null;
  /** The decision's reference number (批文文号). */
  decision_ref: string | null;
  /** Who recorded the decision (a person's name). */
  decided_by: string | null;
  /** A step carried into a resubmitted round without being asked again: the step it carries. */
  carried_from: string | null;
  note: string | null;
}

export interface VisitsTable extends Stamped {
  id: string;
  direction: Direction;
  locality_id: string | null;
  country: string | null;
  leader: string | null;
  leader_title: string | null;
  start_on: string | null;
  end_on: string | null;
  size: number | null;
  organisation: string | null;
  purpose: string | null;
  /** JSON array of field values. */
  fields: string;
  outcomes: string | null;
  agreements_signed: number;
  amount: string | null;
  currency: string | null;
  notes: string | null;
}

export interface VisitTiesTable {
  visit_id: string;
  tie_id: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  actor: string;
  at: string;
  command_id: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CommandsTable {
  seq: Generated<number>;
  id: string;
  /** Which grid or feature the command belongs to: `ties`, `letters`, `import`, … */
  scope: string;
  /** An i18n key naming the action, with `params` (JSON) to word it. */
  label: string;
  params: string;
  actor: string;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
  /** When undo and redo stopped reaching it by their shortcuts, and why (see the migration). */
  dropped_at: ColumnType<string | null, string | null | undefined, string | null>;
  dropped_reason: ColumnType<
    CommandDropped | null,
    CommandDropped | null | undefined,
    CommandDropped | null
  >;
}

export type CommandDropped = 'superseded' | 'changedSince';

export interface SavedViewsTable {
  id: string;
  grid: GridName;
  name: string;
  /** JSON: column state and filter model. */
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: string;
  name: string;
  /** The name as compared: NFKC, lower case. */
  name_key: string;
  /** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash. */
  password_hash: string;
  role: Role;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  /** Failed sign-ins since the last good one. */
  failed_signins: ColumnType<number, number | undefined, number>;
  /** When too many failed sign-ins locked the account; null: not locked. */
  locked_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FollowupMarksTable {
  id: string;
  /** What is set aside: `<kind>:<id>` (`quiet:<tie>`, `step:<step>`, `letter:<letter>`). */
  item: string;
  tie_id: string;
  /** `dismissed` or `snoozed`. */
  action: string;
  /** For a snooze: the day the item comes back (`YYYY-MM-DD`). */
  until: string | null;
  reason: string;
  marked_by: string;
  marked_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
}

export interface DB {
  localities: LocalitiesTable;
  partners: PartnersTable;
  ties: TiesTable;
  tie_events: TieEventsTable;
  letters: LettersTable;
  approval_templates: ApprovalTemplatesTable;
  approval_steps: ApprovalStepsTable;
  visits: VisitsTable;
  visit_ties: VisitTiesTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  commands: CommandsTable;
  saved_views: SavedViewsTable;
  staff: StaffTable;
  followup_marks: FollowupMarksTable;
}

/** The registry, or a transaction on it: repositories take either. */
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
export type Executor = Db | Trx;

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowPatch<T extends keyof DB> = Updateable<DB[T]>;
export type { ColumnType };
