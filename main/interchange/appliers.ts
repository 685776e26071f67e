import { z } from 'zod';
import { deleteEventsOfTie, insertEvent, listEvents } from '../../db/events.repository';
import { fromJsonText } from '../../db/json';
import { findLocalityByName, getLocality } from '../../db/localities.repository';
import { findPartner, getPartner, partnerRowFrom } from '../../db/partners.repository';
import type { Executor, Row, RowPatch } from '../../db/schema';
import { currentRound } from '../../db/steps.repository';
import { findLiveTie, getTieRow } from '../../db/ties.repository';
import { visitTieIds } from '../../db/visits.repository';
import { resolveCountry } from '../../shared/countries';
import { dayOf, firstDay } from '../../shared/dates';
import type { Level } from '../../shared/enums';
import type { SheetKind } from '../../shared/interchange';
import { issueKey } from '../../shared/issues';
import { referenceChannels } from '../../shared/ipc/reference';
import { letterCreateInput, type LetterPatch } from '../../shared/ipc/letters';
import { stepCreateInput, type StepPatch } from '../../shared/ipc/steps';
import { tieCreateInput, type TiePatch } from '../../shared/ipc/ties';
import { visitCreateInput, type VisitPatch } from '../../shared/ipc/visits';
import type { TieRow } from '../../shared/model';
import {
  count,
  country,
  enumOf,
  name,
  optionalName,
  optionalPartialDate,
  optionalText,
} from '../../shared/schemas';
import { AppError } from '../core/errors';
import { createLetterIn, updateLetterIn } from '../letters/letters.service';
import { createLocalityIn, updateLocalityIn } from '../places/places.service';
import { createStepIn, stepTarget, updateStepIn } from '../steps/steps.service';
import { resolveTieRef } from '../ties/tie-ref';
import { createTieIn, historicalStages, resolvePartner, updateTieIn } from '../ties/ties.write';
import { patchVersioned, type VersionedTarget } from '../core/versioned.write';
import { createVisitIn, updateVisitIn } from '../visits/visits.service';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * One row of a sheet applied through the same write blocks as a grid edit or the CLI, after
 * finding the record it names (its identity), so a second import of the same file updates
 * instead of duplicating. Identities: a locality by name; a partner by name and country; a
 * tie by locality, partner and country; a letter by its tie, title and signing date; a step
 * by its tie, round and position; a visit by direction, locality, country, start date and
 * leader. An event sheet brings a tie's whole history, replacing the one derived from dates.
 */

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface Problem {
  readonly field: string | null;
  readonly key: string;
  readonly params: Record<string, unknown>;
}

export class RowRefusal extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super('row refused');
  }
}

export interface RowInput {
  readonly line: number;
  /** Field → value read from its cell (null for a blank cell). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Fields the sheet has a column for: only these are compared and updated. */
  readonly present: ReadonlySet<string>;
}

export interface Applier {
  /** Applies one row, or keeps it for `finish` (events and parents need the whole sheet). */
  row(env: WriteEnv, input: RowInput): Promise<Outcome | 'deferred'>;
  finish(env: WriteEnv): Promise<{ line: number; outcome: Outcome | Problem[] }[]>;
}

function refusal(problems: Problem[]): RowRefusal {
  return new RowRefusal(problems);
}

/** Parses a row with a contract schema; every refused field becomes a problem. */
function parseRow<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw refusal(
    parsed.error.issues.map((issue) => {
      const { key, params } = issueKey(issue);
      const first = issue.path[0];
      return { field: typeof first === 'string' ? first : null, key, params };
    }),
  );
}

/** The row as a schema's input: blank cells are null, or left out where a field needs a value. */
function rawOf(input: RowInput, fields: readonly string[], omitBlank: readonly string[]) {
  const raw: Record<string, unknown> = {};
  for (const field of fields) {
    if (!input.present.has(field)) continue;
    const value = input.values[field];
    if ((value === null || value === undefined) && omitBlank.includes(field)) continue;
    raw[field] = value ?? null;
  }
  return raw;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `parsed` the sheet gives that differ from `current`. */
function changes(
  parsed: Record<string, unknown>,
  current: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in parsed) || parsed[field] === undefined) continue;
    if (!same(parsed[field], current[field])) out[field] = parsed[field];
  }
  return out;
}

function duplicateOf(seen: Map<string, number>, id: string, line: number): void {
  const first = seen.get(id);
  if (first !== undefined && first !== line)
    throw refusal([{ field: null, key: 'import.row.duplicate', params: { first } }]);
  seen.set(id, line);
}

// Ties ----------------------------------------------------------------------------------------

const TIE_FIELDS = [
  'local',
  'local_level',
  'partner',
  'partner_zh',
  'country',
  'region',
  'kind',
  'stage',
  'established_on',
  'intent_signed_on',
  'first_contact_on',
  'signed_place',
  'our_signatory',
  'partner_signatory',
  'fields',
  'notes',
] as const;
const TIE_NEEDS_VALUE = ['local', 'local_level', 'partner', 'country', 'kind', 'stage'];
const TIE_PATCHABLE = TIE_FIELDS.filter((f) => !['local', 'partner', 'country'].includes(f));

function tiesApplier(): Applier {
  const seen = new Map<string, number>();
  // A ledger names a few localities over and over; each is looked up once per spelling. A row
  // that changes a locality's level clears them all (one locality may go by several names).
  const localities = new Map<string, Row<'localities'>>();
  const localityFor = async (env: WriteEnv, name: string, level: Level | undefined) => {
    const known = localities.get(name);
    if (known && (level === undefined || level === known.level)) return known;
    const found = await findLocalityByName(env.trx, name);
    if (found && level !== undefined && level !== found.level) localities.clear();
    else if (found) localities.set(name, found);
    return found;
  };
  return {
    async row(env, input) {
      const raw = rawOf(input, TIE_FIELDS, TIE_NEEDS_VALUE);
      const parsed = parseRow(tieCreateInput, raw);
      const locality = await localityFor(env, parsed.local, parsed.local_level);
      const partner = await findPartner(env.trx, parsed.partner, parsed.country);
      const tie = locality && partner ? await findLiveTie(env.trx, locality.id, partner.id) : null;
      if (!tie) {
        const id = await createTieIn(env, parsed, {
          locality: locality ?? null,
          partner: partner ?? null,
        });
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, tie.id, input.line);
      const current = (await getTieRow(env.trx, tie.id)) as NonNullable<
        Awaited<ReturnType<typeof getTieRow>>
      >;
      const given = Object.fromEntries(
        TIE_PATCHABLE.filter((f) => f in raw).map((f) => [f, parsed[f]]),
      );
      const patch = changes(given, current as unknown as Record<string, unknown>, TIE_PATCHABLE);
      if (Object.keys(patch).length === 0) return 'unchanged';
      // The row as a whole must not contradict itself: a stage earlier than its own dates.
      const merged = { ...current, ...patch } as TieRow;
      historicalStages(merged.stage, {
        contact: merged.first_contact_on,
        intent: merged.intent_signed_on,
        established: merged.established_on,
      });
      await updateTieIn(env, tie.id, tie.version, patch as TiePatch, { historical: true });
      return 'updated';
    },
    finish: async () => [],
  };
}

// Tie events ----------------------------------------------------------------------------------

const EVENT_TYPES: Record<string, 'stage' | 'kind'> = {
  stage: 'stage',
  阶段: 'stage',
  阶段变更: 'stage',
  kind: 'kind',
  类型: 'kind',
  类型变更: 'kind',
  升级: 'kind',
};

const eventSchema = z.strictObject({
  local: name(100),
  partner: name(200),
  country,
  seq: count(1_000_000).optional(),
  type: z.string().transform((v, ctx): 'stage' | 'kind' => {
    const type = EVENT_TYPES[v.trim().toLowerCase()];
    if (type) return type;
    ctx.addIssue({
      code: 'custom',
      message: 'errors.enum.unknown',
      params: { value: v, allowed: ['stage', 'kind'] },
    });
    return z.NEVER;
  }),
  stage: enumOf('stage').optional(),
  from_stage: enumOf('stage').optional(),
  kind: enumOf('kind').optional(),
  from_kind: enumOf('kind').optional(),
  on: optionalPartialDate.optional(),
  note: optionalText(4000).optional(),
  confidential: z.boolean().nullable().optional(),
  override_reason: optionalText(2000).optional(),
  recorded_by: optionalText(200).optional(),
  recorded_at: optionalText(40).optional(),
});
type EventInput = z.output<typeof eventSchema>;

const EVENT_FIELDS = Object.keys(eventSchema.shape);
const EVENT_NEEDS_VALUE = ['local', 'partner', 'country', 'type', 'stage', 'from_stage', 'kind'];

function eventsApplier(): Applier {
  const groups = new Map<string, { line: number; event: EventInput }[]>();
  return {
    async row(_env, input) {
      const raw = rawOf(input, EVENT_FIELDS, [...EVENT_NEEDS_VALUE, 'from_kind']);
      const event = parseRow(eventSchema, raw);
      if (event.type === 'stage' && !event.stage)
        throw refusal([
          { field: 'stage', key: 'errors.validation.required', params: { field: 'stage' } },
        ]);
      if (event.type === 'kind' && !event.kind)
        throw refusal([
          { field: 'kind', key: 'errors.validation.required', params: { field: 'kind' } },
        ]);
      const key = [event.local, event.partner, event.country].join('\u0000');
      const group = groups.get(key) ?? [];
      group.push({ line: input.line, event });
      groups.set(key, group);
      return 'deferred';
    },
    async finish(env) {
      const out: { line: number; outcome: Outcome | Problem[] }[] = [];
      for (const group of groups.values()) {
        const result = await replaceHistory(env, group);
        for (const { line } of group)
          out.push({
            line,
            outcome: Array.isArray(result)
              ? (result.find((r) => r.line === line)?.problems ?? [])
              : result,
          });
      }
      return out.filter((o) => !Array.isArray(o.outcome) || o.outcome.length > 0);
    },
  };
}

async function replaceHistory(
  env: WriteEnv,
  group: { line: number; event: EventInput }[],
): Promise<Outcome | { line: number; problems: Problem[] }[]> {
  const first = group[0]!.event;
  let tieId: string;
  try {
    tieId = await resolveTieRef(env.trx, first);
  } catch (error) {
    const problems = problemsOf(error);
    return group.map(({ line }) => ({ line, problems }));
  }
  const ordered = [...group].sort((a, b) =>
    a.event.seq != null && b.event.seq != null ? a.event.seq - b.event.seq : a.line - b.line,
  );
  const tie = (await getTieRow(env.trx, tieId))!;
  const lastStage = ordered.filter((e) => e.event.type === 'stage').at(-1);
  const lastKind = ordered.filter((e) => e.event.type === 'kind').at(-1);
  const refused: { line: number; problems: Problem[] }[] = [];
  if (lastStage && lastStage.event.stage !== tie.stage)
    refused.push({
      line: lastStage.line,
      problems: [
        {
          field: 'stage',
          key: 'import.events.lastStage',
          params: { stage: lastStage.event.stage, tieStage: tie.stage },
        },
      ],
    });
  if (lastKind && lastKind.event.kind !== tie.kind)
    refused.push({
      line: lastKind.line,
      problems: [
        {
          field: 'kind',
          key: 'import.events.lastKind',
          params: { value: lastKind.event.kind, tieKind: tie.kind },
        },
      ],
    });
  if (refused.length > 0) return refused;

  const rows = ordered.map(({ event }, i) => ({
    seq: i + 1,
    type: event.type,
    stage: event.type === 'stage' ? (event.stage ?? null) : null,
    from_stage: event.type === 'stage' ? (event.from_stage ?? null) : null,
    kind: event.type === 'kind' ? (event.kind ?? null) : null,
    from_kind: event.type === 'kind' ? (event.from_kind ?? null) : null,
    occurred_on: event.on ?? null,
    occurred_key: event.on ? firstDay(event.on) : null,
    note: event.note ?? null,
    confidential: event.confidential ? 1 : 0,
    override_reason: event.override_reason ?? null,
    recorded_by: event.recorded_by ?? env.actor,
    recorded_at: event.recorded_at ?? env.at,
  }));
  const existing = await listEvents(env.trx, tieId);
  const comparable = (e: (typeof rows)[number] | Row<'tie_events'>) => [
    e.seq,
    e.type,
    e.stage,
    e.from_stage,
    e.kind,
    e.from_kind,
    e.occurred_on,
    e.note,
    e.confidential,
    e.override_reason,
    e.recorded_by,
    e.recorded_at,
  ];
  if (same(existing.map(comparable), rows.map(comparable))) return 'unchanged';
  await deleteEventsOfTie(env.trx, tieId);
  for (const e of existing) await audit(env, 'tie_event', e.id, 'delete', e, null);
  for (const row of rows) {
    const event = { id: env.ids.next(), tie_id: tieId, ...row };
    await insertEvent(env.trx, event);
    await audit(env, 'tie_event', event.id, 'create', null, event);
  }
  return existing.length === 0 ? 'created' : 'updated';
}

// Letters -------------------------------------------------------------------------------------

const LETTER_FIELDS = [
  'local',
  'partner',
  'country',
  'title',
  'doc_type',
  'signed_on',
  'signed_place',
  'our_signatory',
  'partner_signatory',
  'follow_up_on',
  'status',
  'notes',
] as const;
const LETTER_PATCHABLE = LETTER_FIELDS.filter(
  (f) => !['local', 'partner', 'country', 'title', 'signed_on'].includes(f),
);

function lettersApplier(): Applier {
  const seen = new Map<string, number>();
  return {
    async row(env, input) {
      const raw = rawOf(input, LETTER_FIELDS, [
        'local',
        'partner',
        'country',
        'title',
        'doc_type',
        'status',
      ]);
      const parsed = parseRow(letterCreateInput, raw);
      const tieId = await resolveTieRef(env.trx, parsed);
      const signed = parsed.signed_on ?? null;
      const found = await env.trx
        .selectFrom('letters')
        .selectAll()
        .where('tie_id', '=', tieId)
        .where('title', '=', parsed.title)
        .where('signed_on', signed === null ? 'is' : '=', signed)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) {
        const id = await createLetterIn(env, { ...parsed, tie_id: tieId });
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, found.id, input.line);
      const given = Object.fromEntries(
        LETTER_PATCHABLE.filter((f) => f in raw).map((f) => [f, parsed[f]]),
      );
      const patch = changes(given, found, LETTER_PATCHABLE);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await updateLetterIn(env, found.id, found.version, patch as LetterPatch);
      return 'updated';
    },
    finish: async () => [],
  };
}

// Approval steps ------------------------------------------------------------------------------

const HAS_CJK = /[\u3400-\u9fff]/;
const STEP_FIELDS = [
  'local',
  'partner',
  'country',
  'authority',
  'position',
  'submitted_on',
  'decided_on',
  'outcome',
  'reference_no',
  'note',
] as const;
const stepExtras = z.strictObject({
  round: count(99),
  position: count(50),
  authority_zh: optionalText(200),
  authority_en: optionalText(200),
});

function stepsApplier(today: string): Applier {
  const seen = new Map<string, number>();
  const next = new Map<string, number>();
  const target = stepTarget(() => today);
  return {
    async row(env, input) {
      const extras = parseRow(
        stepExtras,
        Object.fromEntries(
          ['round', 'position', 'authority_zh', 'authority_en'].map((f) => [
            f,
            input.values[f] ?? null,
          ]),
        ),
      );
      const raw = rawOf(input, STEP_FIELDS, [
        'local',
        'partner',
        'country',
        'authority',
        'position',
      ]);
      const authority =
        (raw.authority as string | undefined) ?? extras.authority_zh ?? extras.authority_en;
      if (authority !== null && authority !== undefined) raw.authority = authority;
      delete raw.position;
      const parsed = parseRow(stepCreateInput, raw);
      const tieId = await resolveTieRef(env.trx, parsed);
      const round = extras.round ?? (await currentRound(env.trx, tieId))[0]?.round ?? 1;
      const slot = `${tieId}:${round}`;
      const position = extras.position ?? (next.get(slot) ?? 0) + 1;
      next.set(slot, Math.max(position, next.get(slot) ?? 0));
      const given = raw.authority as string | undefined;
      const zh = extras.authority_zh ?? (given && HAS_CJK.test(given) ? given : undefined);
      const en = extras.authority_en ?? (given && !HAS_CJK.test(given) ? given : undefined);
      const found = await env.trx
        .selectFrom('approval_steps')
        .selectAll()
        .where('tie_id', '=', tieId)
        .where('round', '=', round)
        .where('position', '=', position)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) {
        const id = await createStepIn(
          env,
          { ...parsed, tie_id: tieId, position, authority: parsed.authority },
          {
            round,
            ...((zh ?? en) ? { authority_zh: zh ?? en } : {}),
            ...((en ?? zh) ? { authority_en: en ?? zh } : {}),
          },
        );
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, found.id, input.line);
      const fields = ['submitted_on', 'decided_on', 'outcome', 'reference_no', 'note'] as const;
      const given2: Record<string, unknown> = Object.fromEntries(
        fields.filter((f) => f in raw).map((f) => [f, parsed[f] ?? null]),
      );
      if (zh !== undefined) given2.authority_zh = zh;
      if (en !== undefined) given2.authority_en = en;
      const patch = changes(given2, found, [...fields, 'authority_zh', 'authority_en']);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await updateStepIn(env, target, found.id, found.version, patch as StepPatch);
      return 'updated';
    },
    finish: async () => [],
  };
}

// Visits --------------------------------------------------------------------------------------

const VISIT_FIELDS = Object.keys(visitCreateInput.shape);
const VISIT_PATCHABLE = VISIT_FIELDS.filter(
  (f) => !['direction', 'local', 'country', 'start_on', 'leader'].includes(f),
);

/**
 * A linked tie as a sheet names it: the partner (within the visit's locality), or
 * "locality – partner", with the country in brackets where the name alone is not enough.
 */
async function resolveTieLabel(
  db: Executor,
  label: string,
  localityId: string | null,
): Promise<string> {
  const query = async (local: string | null, partner: string, country: string | null) => {
    let q = db
      .selectFrom('ties as t')
      .innerJoin('localities as l', 'l.id', 't.locality_id')
      .innerJoin('partners as p', 'p.id', 't.partner_id')
      .select('t.id')
      .where('t.deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('p.name', '=', partner),
          eb('p.name_zh', '=', partner),
          eb('p.name_en', '=', partner),
          eb('p.name_local', '=', partner),
        ]),
      );
    if (local !== null)
      q = q.where((eb) =>
        eb.or([eb('l.name', '=', local), eb('l.name_zh', '=', local), eb('l.name_en', '=', local)]),
      );
    else if (localityId !== null) q = q.where('t.locality_id', '=', localityId);
    if (country !== null) q = q.where('p.country', '=', country);
    return (await q.limit(2).execute()).map((r) => r.id);
  };
  const split = /^(.+?)\s+[–—]\s+(.+)$/.exec(label);
  let local: string | null = null;
  let rest = label;
  if (split) {
    local = split[1]!;
    rest = split[2]!;
  }
  let country: string | null = null;
  const bracket = /^(.+?)\s*[(（]([^()（）]+)[)）]$/.exec(rest);
  if (bracket && resolveCountry(bracket[2]!)) {
    rest = bracket[1]!;
    country = resolveCountry(bracket[2]!);
  }
  let found = await query(local, rest, country);
  // A partner whose own name has a dash or brackets: try the label whole.
  if (found.length === 0 && (split || bracket)) found = await query(null, label, null);
  if (found.length !== 1)
    throw refusal([
      {
        field: 'ties',
        key: found.length === 0 ? 'errors.visit.unknownTie' : 'errors.visit.ambiguousTie',
        params: { tie: label },
      },
    ]);
  return found[0]!;
}

function visitsApplier(): Applier {
  const seen = new Map<string, number>();
  return {
    async row(env, input) {
      const raw = rawOf(input, VISIT_FIELDS, ['direction']);
      const parsed = parseRow(visitCreateInput, raw);
      const locality =
        parsed.local === undefined || parsed.local === null
          ? null
          : await findLocalityByName(env.trx, parsed.local);
      if (parsed.local && !locality)
        throw refusal([
          { field: 'local', key: 'errors.visit.unknownLocality', params: { local: parsed.local } },
        ]);
      const localityId = locality?.id ?? null;
      const ties =
        parsed.ties === undefined
          ? undefined
          : await Promise.all(parsed.ties.map((l) => resolveTieLabel(env.trx, l, localityId)));
      const key = {
        country: parsed.country ?? null,
        start_on: parsed.start_on ?? null,
        leader: parsed.leader ?? null,
      };
      let q = env.trx
        .selectFrom('visits')
        .selectAll()
        .where('direction', '=', parsed.direction)
        .where('deleted_at', 'is', null)
        .where('locality_id', localityId === null ? 'is' : '=', localityId);
      for (const [column, value] of Object.entries(key))
        q = q.where(column as 'country', value === null ? 'is' : '=', value);
      const found = await q.executeTakeFirst();
      if (!found) {
        const id = await createVisitIn(env, { ...parsed, ...(ties ? { ties } : {}) });
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, found.id, input.line);
      const current: Record<string, unknown> = {
        ...found,
        fields: fromJsonText<string[]>(found.fields, []),
        ties: [...(await visitTieIds(env.trx, found.id))].sort(),
      };
      const given: Record<string, unknown> = Object.fromEntries(
        VISIT_PATCHABLE.filter((f) => f in raw).map((f) => [
          f,
          (parsed as Record<string, unknown>)[f] ?? null,
        ]),
      );
      if ('agreements_signed' in given) given.agreements_signed ??= 0;
      if (ties) given.ties = [...new Set(ties)].sort();
      const patch = changes(given, current, VISIT_PATCHABLE);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await updateVisitIn(env, found.id, found.version, patch as VisitPatch);
      return 'updated';
    },
    finish: async () => [],
  };
}

// Localities and partners ---------------------------------------------------------------------

const localityInput = referenceChannels['localities:create'].input;

function localitiesApplier(): Applier {
  const parents: { line: number; id: string; parent: string | null }[] = [];
  const outcomes = new Map<number, Outcome>();
  const seen = new Map<string, number>();
  return {
    async row(env, input) {
      const raw = rawOf(input, ['name', 'name_zh', 'name_en', 'level'], ['name', 'level']);
      const parsed = parseRow(localityInput, raw);
      const found = await findLocalityByName(env.trx, parsed.name);
      let id: string;
      if (!found) {
        id = (await createLocalityIn(env, parsed)).id;
        outcomes.set(input.line, 'created');
      } else {
        id = found.id;
        duplicateOf(seen, id, input.line);
        const patch = changes(
          Object.fromEntries(
            ['name_zh', 'name_en', 'level']
              .filter((f) => f in raw)
              .map((f) => [f, (parsed as Record<string, unknown>)[f] ?? null]),
          ),
          found,
          ['name_zh', 'name_en', 'level'],
        );
        if (Object.keys(patch).length > 0) {
          await updateLocalityIn(env, found.id, found.version, patch);
          outcomes.set(input.line, 'updated');
        } else outcomes.set(input.line, 'unchanged');
      }
      seen.set(id, input.line);
      if (input.present.has('parent'))
        parents.push({
          line: input.line,
          id,
          parent: (input.values.parent as string | null) ?? null,
        });
      return 'deferred';
    },
    async finish(env) {
      const out: { line: number; outcome: Outcome | Problem[] }[] = [];
      const refused = new Set<number>();
      for (const { line, id, parent } of parents) {
        const current = await getLocality(env.trx, id);
        if (!current) continue;
        const parentRow =
          parent === null ? null : await findLocalityByName(env.trx, String(parent));
        if (parent !== null && !parentRow) {
          out.push({
            line,
            outcome: [
              { field: 'parent', key: 'errors.visit.unknownLocality', params: { local: parent } },
            ],
          });
          refused.add(line);
          continue;
        }
        const parentId = parentRow?.id ?? null;
        if (parentId === current.parent_id) continue;
        try {
          await updateLocalityIn(env, id, current.version, { parent_id: parentId });
          if (outcomes.get(line) === 'unchanged') outcomes.set(line, 'updated');
        } catch (error) {
          out.push({ line, outcome: problemsOf(error, 'parent') });
          refused.add(line);
        }
      }
      for (const [line, outcome] of outcomes) if (!refused.has(line)) out.push({ line, outcome });
      return out;
    },
  };
}

const partnerInput = z.strictObject({
  name: name(200),
  name_zh: optionalName(200).optional(),
  name_en: optionalName(200).optional(),
  name_local: optionalName(200).optional(),
  place_kind: enumOf('placeKind').optional(),
  country,
  region: optionalName(200).optional(),
});

const PARTNER_TARGET: VersionedTarget<'partners'> = {
  table: 'partners',
  entity: 'partner',
  current: async (env, id) => {
    const row = await getPartner(env.trx, id);
    return row ? partnerRowFrom(row) : undefined;
  },
};

function partnersApplier(): Applier {
  const seen = new Map<string, number>();
  const detailFields = ['name_zh', 'name_en', 'name_local', 'place_kind', 'region'] as const;
  return {
    async row(env, input) {
      const raw = rawOf(input, Object.keys(partnerInput.shape), ['name', 'country', 'place_kind']);
      const parsed = parseRow(partnerInput, raw);
      let partner = await findPartner(env.trx, parsed.name, parsed.country);
      let outcome: Outcome = 'unchanged';
      if (!partner) {
        partner = await resolvePartner(env, parsed.name, parsed.country, {
          partner_zh: parsed.name_zh,
          region: parsed.region,
        });
        outcome = 'created';
      }
      duplicateOf(seen, partner.id, input.line);
      const given = Object.fromEntries(
        detailFields.filter((f) => f in raw).map((f) => [f, parsed[f] ?? null]),
      );
      const patch = changes(given, partner, detailFields);
      if (Object.keys(patch).length > 0) {
        await patchVersioned(
          env,
          PARTNER_TARGET,
          partner.id,
          partner.version,
          patch as RowPatch<'partners'>,
        );
        if (outcome === 'unchanged') outcome = 'updated';
      }
      return outcome;
    },
    finish: async () => [],
  };
}

// ---------------------------------------------------------------------------------------------

export function createApplier(kind: SheetKind, now: Date): Applier {
  switch (kind) {
    case 'localities':
      return localitiesApplier();
    case 'partners':
      return partnersApplier();
    case 'ties':
      return tiesApplier();
    case 'events':
      return eventsApplier();
    case 'letters':
      return lettersApplier();
    case 'steps':
      return stepsApplier(dayOf(now));
    case 'visits':
      return visitsApplier();
  }
}

/** A write block's refusal as problems of the row, each on the field it names. */
export function problemsOf(error: unknown, fallbackField: string | null = null): Problem[] {
  if (error instanceof RowRefusal) return [...error.problems];
  if (error instanceof AppError) {
    const details = error.extra.details ?? [];
    if (details.length > 0)
      return details.map((d) => {
        const field = [...d.path].reverse().find((p): p is string => typeof p === 'string');
        return { field: field ?? fallbackField, key: d.key, params: { ...d.params } };
      });
    return [{ field: fallbackField, key: error.key, params: { ...error.params } }];
  }
  throw error;
}
