import type { Registry } from '../../main/registry';
import { firstDay } from '../../shared/dates';
import type { Kind, Stage } from '../../shared/enums';
import type { AnnualFigures } from '../../shared/report/figures';

/**
 * A small provincial registry with known totals, built through the contract as staff would
 * enter it: the province, two cities and a county under one of them; ties at every stage,
 * with partial dates, a suspension with a public reason and one with a confidential reason, a
 * terminated tie, a tie whose stage changed after the report's date, an exchange tie upgraded
 * to friendship, a deleted tie; letters, approval steps and visits in and out of the period.
 *
 * Suspensions with their reasons and the kind upgrade are the tie workflow's verbs (issue 5);
 * until they exist, `event` records them as those verbs will: a dated event, and the tie's
 * current stage or kind.
 */

export type Caller = <T = unknown>(channel: string, input: unknown) => Promise<T>;

export interface EventInput {
  readonly type: 'stage' | 'kind';
  readonly stage?: Stage;
  readonly fromStage?: Stage;
  readonly kind?: Kind;
  readonly fromKind?: Kind;
  readonly on: string | null;
  readonly note?: string;
  readonly confidential?: boolean;
}

export type EventWriter = (tieId: string, event: EventInput) => Promise<void>;

/** Words that must never be printed: the confidential reason of Leipzig's suspension. */
export const CONFIDENTIAL_REASON = '对方市长涉嫌违纪，内部掌握';
export const PUBLIC_REASON = '受疫情影响暂停交往';

export interface Office {
  readonly ties: Readonly<Record<string, string>>;
}

export async function buildOffice(call: Caller, event: EventWriter): Promise<Office> {
  await call('settings:update', {
    patch: {
      officeName: '江苏省人民政府外事办公室',
      reportSignature: '江苏省人民政府外事办公室（盖章）',
    },
  });
  const province = await call<{ id: string }>('localities:create', {
    name: '江苏省',
    name_en: 'Jiangsu',
    level: 'province',
  });
  const nanjing = await call<{ id: string }>('localities:create', {
    name: '南京',
    name_en: 'Nanjing',
    level: 'city',
    parent_id: province.id,
  });
  await call('localities:create', {
    name: '苏州',
    name_en: 'Suzhou',
    level: 'city',
    parent_id: province.id,
  });
  await call('localities:create', {
    name: '江宁区',
    name_en: 'Jiangning',
    level: 'county',
    parent_id: nanjing.id,
  });

  const ties: Record<string, string> = {};
  const tie = async (key: string, input: Record<string, unknown>) => {
    ties[key] = (await call<{ id: string }>('ties:create', input)).id;
  };
  const est = (local: string, partner: string, country: string, on: string, kind = 'friendship') =>
    tie(partner, { local, partner, country, kind, stage: 'established', established_on: on });

  await est('江苏省', 'Maryland', 'US', '1980');
  await est('南京', 'Nagoya', 'JP', '1978-12-21');
  await est('南京', 'St. Louis', 'US', '1979-11-02');
  await est('南京', 'Florence', 'IT', '1980-02');
  await est('南京', 'Leipzig', 'DE', '1986');
  await est('南京', 'Mexicali', 'MX', '2025-03');
  await est('南京', 'Perth', 'AU', '2025', 'exchange');
  await est('南京', 'Bloemfontein', 'ZA', '2016-05-12');
  await est('苏州', 'Venice', 'IT', '1980');
  await est('苏州', 'Kanazawa', 'JP', '1981');
  await est('江宁区', 'Moscow Oblast', 'RU', '2001-09');
  // Its signing (February 2026) comes after the report's date: as of 2025 it is at intent.
  await tie('Izmir', {
    local: '苏州',
    partner: 'Izmir',
    country: 'TR',
    stage: 'established',
    first_contact_on: '2019',
    intent_signed_on: '2020-06',
    established_on: '2026-02',
  });
  await tie('Grenoble', {
    local: '苏州',
    partner: 'Grenoble',
    country: 'FR',
    stage: 'terminated',
    established_on: '1998',
  });
  await tie('Esbjerg', {
    local: '苏州',
    partner: 'Esbjerg',
    country: 'DK',
    stage: 'contact',
    first_contact_on: '2024',
  });
  await tie('Limassol', {
    local: '南京',
    partner: 'Limassol',
    country: 'CY',
    stage: 'pending',
    intent_signed_on: '2024-05',
  });
  await tie('Tours', {
    local: '南京',
    partner: 'Tours',
    country: 'FR',
    stage: 'approved',
    intent_signed_on: '2023',
  });
  await tie('Deleted', {
    local: '南京',
    partner: 'Malmö',
    country: 'SE',
    stage: 'established',
    established_on: '2025-06',
  });
  const deleted = await call<{ id: string; version: number }>('ties:get', { id: ties.Deleted });
  await call('ties:delete', { id: deleted.id, version: deleted.version });

  await event(ties.Leipzig as string, {
    type: 'stage',
    stage: 'suspended',
    fromStage: 'established',
    on: '2023-04',
    note: CONFIDENTIAL_REASON,
    confidential: true,
  });
  await event(ties.Kanazawa as string, {
    type: 'stage',
    stage: 'suspended',
    fromStage: 'established',
    on: '2022-03-01',
    note: PUBLIC_REASON,
  });
  // Entered as an exchange tie in 2016, upgraded to a friendship tie in June 2020.
  await event(ties.Bloemfontein as string, {
    type: 'kind',
    kind: 'friendship',
    fromKind: 'exchange',
    on: '2020-06',
  });

  const letter = (partner: string, signed_on: string) =>
    call('letters:create', {
      tie_id: ties[partner],
      title: `结好意向书（${partner}）`,
      doc_type: 'letter',
      signed_on,
      status: 'active',
    });
  await letter('Izmir', '2025-03-10');
  await letter('Limassol', '2025');
  await letter('Tours', '2023-09-01');

  const step = (input: Record<string, unknown>) =>
    call('steps:create', { tie_id: ties.Limassol, ...input });
  await step({
    authority: '南京市人民政府',
    submitted_on: '2025-02',
    decided_on: '2025-03',
    outcome: 'approved',
  });
  await step({ authority: '江苏省外办', submitted_on: '2025-06-01' });
  await step({
    authority: '江苏省人民政府',
    submitted_on: '2025-11',
    decided_on: '2026-01-10',
    outcome: 'approved',
  });
  await step({ authority: '全国友协', submitted_on: '2026-01-05' });

  const visit = (input: Record<string, unknown>) =>
    call<{ id: string; version: number }>('visits:create', input);
  await visit({
    direction: 'outgoing',
    local: '南京',
    country: 'JP',
    start_on: '2025-04-02',
    size: 6,
    fields: ['economy', 'culture'],
  });
  await visit({
    direction: 'incoming',
    local: '南京',
    country: 'US',
    start_on: '2025-06',
    size: 12,
    fields: ['education'],
  });
  await visit({
    direction: 'outgoing',
    local: '苏州',
    country: 'IT',
    start_on: '2024-12-20',
    size: 5,
    fields: ['tourism'],
  });
  await visit({ direction: 'incoming', local: '江宁区', country: 'RU', start_on: '2025', size: 3 });
  await visit({
    direction: 'incoming',
    local: null,
    country: 'DE',
    start_on: '2025-08-18',
    size: 4,
    fields: ['science'],
  });
  const gone = await visit({
    direction: 'outgoing',
    local: '苏州',
    country: 'FR',
    start_on: '2025-05',
    size: 9,
  });
  await call('visits:delete', { id: gone.id, version: gone.version });
  return { ties };
}

/** The office's figures as of 31 December 2025, counted by hand from the registry above. */
export const OFFICE_2025: AnnualFigures = {
  asOf: '2025-12-31',
  established: {
    total: 11,
    countries: 8,
    suspended: 2,
    since: 2,
    byKind: { friendship: 10, exchange: 1 },
    byLevel: { province: 1, city: 9, county: 1 },
    byContinent: { AF: 1, AS: 2, EU: 4, NA: 3, OC: 1, SA: 0, AN: 0 },
    byCountry: { IT: 2, JP: 2, US: 2, AU: 1, DE: 1, MX: 1, RU: 1, ZA: 1 },
    first: { partner: 'Nagoya', country: 'JP', on: '1978-12-21' },
    latest: { partner: 'Mexicali', country: 'MX', on: '2025-03' },
  },
  pipeline: { contact: 1, intent: 1, pending: 1, approved: 1 },
  lettersOfIntent: { signedInPeriod: 2 },
  approvals: { waiting: 2 },
  visits: { outgoing: 1, incoming: 3 },
  anniversaries: [
    { local: '南京', partner: 'Leipzig', country: 'DE', on: '1986', years: 40, suspended: true },
    {
      local: '江宁区',
      partner: 'Moscow Oblast',
      country: 'RU',
      on: '2001-09',
      years: 25,
      suspended: false,
    },
    {
      local: '南京',
      partner: 'Bloemfontein',
      country: 'ZA',
      on: '2016-05-12',
      years: 10,
      suspended: false,
    },
  ],
};

/** Records a dated event as the tie workflow's verbs do: the event, then the tie's column. */
export function eventWriter(registry: Registry): EventWriter {
  return async (tieId: string, e: EventInput): Promise<void> => {
    const last = await registry.db
      .selectFrom('tie_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('tie_id', '=', tieId)
      .executeTakeFirst();
    await registry.db
      .insertInto('tie_events')
      .values({
        id: `evt-${tieId}-${Number(last?.seq ?? 0) + 1}`,
        tie_id: tieId,
        seq: Number(last?.seq ?? 0) + 1,
        type: e.type,
        stage: e.stage ?? null,
        from_stage: e.fromStage ?? null,
        kind: e.kind ?? null,
        from_kind: e.fromKind ?? null,
        occurred_on: e.on,
        occurred_key: e.on === null ? null : firstDay(e.on),
        note: e.note ?? null,
        confidential: e.confidential ? 1 : 0,
        override_reason: null,
        recorded_by: 'tester',
        recorded_at: '2026-01-15T09:00:00.000Z',
      })
      .execute();
    await registry.db
      .updateTable('ties')
      .set(e.type === 'stage' ? { stage: e.stage as Stage } : { kind: e.kind as Kind })
      .where('id', '=', tieId)
      .execute();
  };
}
