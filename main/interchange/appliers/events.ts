import { z } from 'zod';
import { deleteEventsOfTie, insertEvent, listEvents } from '../../../db/events.repository';
import type { Row } from '../../../db/schema';
import { getTieRow } from '../../../db/ties.repository';
import { firstDay } from '../../../shared/dates';
import {
  count,
  country,
  enumOf,
  optionalPartialDate,
  optionalText,
  name,
} from '../../../shared/schemas';
import { audit, type WriteEnv } from '../../core/write-env';
import { resolveTieRef } from '../../ties/tie-ref';
import {
  problemsOf,
  rawOf,
  parseRow,
  refusal,
  same,
  type Applier,
  type Outcome,
  type Problem,
} from './common';

/** A tie's whole history, replacing the one derived from its dates. */

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

export function eventsApplier(): Applier {
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
          params: { stage: lastStage.event.stage, to: tie.stage },
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
