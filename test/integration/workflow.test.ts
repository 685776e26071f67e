import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { FollowUps, WorkflowOptions, TieAnniversary } from '../../shared/ipc/workflow';
import type { AuditRow, LetterRow, StepRow, TieRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';
import type { TieEvent } from '../../shared/timeline';

let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(async () => {
  await registry.close();
});

const refusal = async (channel: string, input: unknown) => {
  const r = await registry.door(channel, input, { trusted: true });
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
};
const options = (id: string) => call<WorkflowOptions>(registry, 'workflow:options', { id });
const events = async (id: string) =>
  (await call<TieEvent[]>(registry, 'ties:events', { id })).map((e) => [
    e.type === 'stage' ? e.stage : e.kind,
    e.on,
    e.note,
  ]);

async function newTie(extra: Record<string, unknown> = {}): Promise<TieRow> {
  return call<TieRow>(registry, 'ties:create', {
    local: '南京',
    local_level: 'city',
    partner: 'Perth',
    country: 'AU',
    ...extra,
  });
}

describe('the tie workflow', () => {
  it('walks a tie from contact through a letter and a returned step to established', async () => {
    let tie = await newTie({ first_contact_on: '2024-05' });
    expect((await options(tie.id)).next).toEqual([
      { to: 'intent', missing: ['letter'] },
      { to: 'terminated', missing: ['date', 'reason'] },
    ]);
    await call<LetterRow>(registry, 'letters:create', {
      tie_id: tie.id,
      title: '友好交流意向书',
      signed_on: '2025-03-02',
    });
    tie = await call<TieRow>(registry, 'workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'intent',
    });
    expect(tie).toMatchObject({ stage: 'intent', intent_signed_on: '2025-03-02' });

    await call(registry, 'chains:set', {
      level: 'city',
      steps: [
        { zh: '市政府', en: 'City government' },
        { zh: '省外办', en: 'Provincial FAO' },
        { zh: '全国友协', en: 'CPAFFC' },
      ],
    });
    tie = await call<TieRow>(registry, 'workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2025-04-01',
      reference_no: '宁政〔2025〕1号',
    });
    expect(tie.stage).toBe('pending');
    let round = (await options(tie.id)).round;
    expect(round.map((s) => [s.round, s.position, s.authority_zh, s.submitted_on])).toEqual([
      [1, 1, '市政府', '2025-04-01'],
      [1, 2, '省外办', null],
      [1, 3, '全国友协', null],
    ]);
    // Out of order: the provincial FAO cannot decide before the city government.
    expect(
      (
        await refusal('workflow:decide', {
          id: round[1]?.id,
          version: 1,
          outcome: 'approved',
          decided_on: '2025-04-02',
        })
      ).key,
    ).toBe('errors.workflow.notWaiting');
    await call(registry, 'workflow:decide', {
      id: round[0]?.id,
      version: 1,
      outcome: 'approved',
      decided_on: '2025-04-10',
    });
    round = (await options(tie.id)).round;
    expect(round[1]?.submitted_on).toBe('2025-04-10');
    await call(registry, 'workflow:decide', {
      id: round[1]?.id,
      version: round[1]?.version,
      outcome: 'returned',
      decided_on: '2025-05-01',
      note: '请补充对方城市简介',
    });
    tie = await call<TieRow>(registry, 'ties:get', { id: tie.id });
    expect(tie.stage).toBe('intent');

    tie = await call<TieRow>(registry, 'workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2025-06-01',
    });
    // The resubmission starts at the provincial FAO, which returned it; the city government's
    // approval carries over, and round 1 stays as it was.
    const after = await options(tie.id);
    expect(
      after.round.map((s) => [
        s.round,
        s.authority_zh,
        s.submitted_on,
        s.outcome,
        s.carried_from_round,
      ]),
    ).toEqual([
      [2, '市政府', '2025-04-01', 'approved', 1],
      [2, '省外办', '2025-06-01', null, null],
      [2, '全国友协', null, null, null],
    ]);
    expect(after.rounds.map((s) => [s.round, s.authority_zh, s.outcome, s.note])).toEqual([
      [1, '市政府', 'approved', null],
      [1, '省外办', 'returned', '请补充对方城市简介'],
      [1, '全国友协', null, null],
      [2, '市政府', 'approved', null],
      [2, '省外办', null, null],
      [2, '全国友协', null, null],
    ]);
    expect(after.rounds[1]?.decided_by).toBe('tester');
    for (const [i, day] of [
      [1, '2025-07-01'],
      [2, '2025-09-15'],
    ] as const) {
      const step = (await options(tie.id)).round[i] as StepRow;
      await call(registry, 'workflow:decide', {
        id: step.id,
        version: step.version,
        outcome: 'approved',
        decided_on: day,
      });
    }
    tie = await call<TieRow>(registry, 'ties:get', { id: tie.id });
    expect(tie.stage).toBe('approved');

    const bare = await refusal('workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'established',
      signed_on: '2025-10-20',
    });
    expect(bare.message).toBe(
      'Before it can go to Established, the tie needs the signatories of both sides.',
    );
    tie = await call<TieRow>(registry, 'workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'established',
      signed_on: '2025-10-20',
      signed_place: '南京',
      our_signatory: '市长',
      partner_signatory: 'Lord Mayor',
    });
    expect(tie).toMatchObject({
      stage: 'established',
      established_on: '2025-10-20',
      our_signatory: '市长',
    });
    expect(
      (
        (await call<LetterRow[] | { rows: LetterRow[] }>(registry, 'letters:list', {
          tie_id: tie.id,
        })) as { rows: LetterRow[] }
      ).rows[0]?.status,
    ).toBe('superseded');
    expect(await events(tie.id)).toEqual([
      ['contact', '2024-05', null],
      ['intent', '2025-03-02', null],
      ['pending', '2025-04-01', null],
      ['intent', '2025-05-01', '请补充对方城市简介'],
      ['pending', '2025-06-01', null],
      ['approved', '2025-09-15', null],
      ['established', '2025-10-20', null],
    ]);
  });

  describe('a resubmission after a return', () => {
    const chain = [
      { zh: '市政府', en: 'City government' },
      { zh: '省外办', en: 'Provincial FAO' },
      { zh: '全国友协', en: 'CPAFFC' },
    ];
    /** A tie whose round 1 the provincial FAO returned, the city government having approved. */
    async function returnedTie(): Promise<TieRow> {
      await call(registry, 'chains:set', { level: 'city', steps: chain });
      let tie = await newTie({ stage: 'intent', intent_signed_on: '2025-01-05' });
      tie = await call<TieRow>(registry, 'workflow:submit', {
        id: tie.id,
        version: tie.version,
        submitted_on: '2025-02-01',
        reference_no: '宁外〔2025〕7号',
      });
      let round = (await options(tie.id)).round;
      await call(registry, 'workflow:decide', {
        id: round[0]?.id,
        version: round[0]?.version,
        outcome: 'approved',
        decided_on: '2025-02-10',
        decision_ref: '宁政复〔2025〕2号',
      });
      round = (await options(tie.id)).round;
      await call(registry, 'workflow:decide', {
        id: round[1]?.id,
        version: round[1]?.version,
        outcome: 'returned',
        decided_on: '2025-03-01',
        note: '材料不全',
      });
      return call<TieRow>(registry, 'ties:get', { id: tie.id });
    }
    const resubmit = (tie: TieRow, extra: Record<string, unknown> = {}) =>
      call<TieRow>(registry, 'workflow:submit', {
        id: tie.id,
        version: tie.version,
        submitted_on: '2025-04-01',
        ...extra,
      });
    const shape = async (id: string) =>
      (await options(id)).round.map((s) => [s.position, s.submitted_on, s.outcome]);

    it('keeps the two reference numbers apart and names who recorded the decision', async () => {
      const tie = await returnedTie();
      const [first, second] = (await options(tie.id)).rounds;
      expect(first).toMatchObject({
        reference_no: '宁外〔2025〕7号',
        decision_ref: '宁政复〔2025〕2号',
        decided_by: 'tester',
      });
      expect(second).toMatchObject({ outcome: 'returned', note: '材料不全', decided_by: 'tester' });
      expect((await options(tie.id)).resubmit).toMatchObject({ start: 2 });
      expect((await options(tie.id)).resubmit.carried.map((s) => s.authority_zh)).toEqual([
        '市政府',
      ]);
    });

    it('starts again from the first authority when the chain asks for approvals again', async () => {
      const tie = await returnedTie();
      await call(registry, 'settings:update', {
        patch: { chainReapprove: { province: false, city: true, county: false } },
      });
      expect((await options(tie.id)).resubmit).toEqual({ start: 1, carried: [] });
      await resubmit(tie);
      expect(await shape(tie.id)).toEqual([
        [1, '2025-04-01', null],
        [2, null, null],
        [3, null, null],
      ]);
    });

    it('starts again from the first authority when staff ask it to', async () => {
      const tie = await returnedTie();
      await resubmit(tie, { restart: true });
      expect(await shape(tie.id)).toEqual([
        [1, '2025-04-01', null],
        [2, null, null],
        [3, null, null],
      ]);
      // Both rounds are kept, six steps in all.
      expect((await options(tie.id)).rounds.map((s) => s.round)).toEqual([1, 1, 1, 2, 2, 2]);
    });

    it("warns when the signing is dated before the chain's last approval, and not once corrected", async () => {
      let tie = await returnedTie();
      tie = await resubmit(tie);
      for (const [i, day] of [
        [1, '2025-05-01'],
        [2, '2025-06-20'],
      ] as const) {
        const step = (await options(tie.id)).round[i] as StepRow;
        await call(registry, 'workflow:decide', {
          id: step.id,
          version: step.version,
          outcome: 'approved',
          decided_on: day,
        });
      }
      tie = await call<TieRow>(registry, 'ties:get', { id: tie.id });
      expect(tie.stage).toBe('approved');
      const signing = {
        id: tie.id,
        version: tie.version,
        to: 'established',
        signed_place: '南京',
        our_signatory: '市长',
        partner_signatory: 'Lord Mayor',
      };
      const early = await refusal('workflow:advance', { ...signing, signed_on: '2025-06-01' });
      expect(early.details?.map((d) => d.path.join('.'))).toEqual([
        'overrides.signingBeforeApproval',
      ]);
      expect(early.details?.[0]?.message).toBe(
        'The signing date 2025-06-01 is before the chain’s last approval (2025-06-20).',
      );
      // Corrected: no warning, no reason asked, none kept.
      tie = await call<TieRow>(registry, 'workflow:advance', {
        ...signing,
        signed_on: '2025-07-01',
      });
      expect(tie.stage).toBe('established');
      const event = await registry.db
        .selectFrom('tie_events')
        .select('override_reason')
        .where('tie_id', '=', tie.id)
        .where('stage', '=', 'established')
        .executeTakeFirstOrThrow();
      expect(event.override_reason).toBeNull();
    });
  });

  it('asks for a reason for each rule check at signing, and keeps it', async () => {
    await newTie({ local: '苏州', partner: 'Perth', stage: 'established', established_on: '2000' });
    let tie = await newTie({ local: '南京', stage: 'approved', intent_signed_on: '2024-06' });
    const input = {
      id: tie.id,
      version: tie.version,
      to: 'established',
      signed_on: '2024-01',
      our_signatory: 'A',
      partner_signatory: 'B',
    };
    const first = await refusal('workflow:advance', input);
    expect(first.code).toBe('rule');
    expect(first.details?.map((d) => d.path.join('.'))).toEqual([
      'overrides.oneToOne',
      'overrides.signingBeforeLetter',
    ]);
    expect(first.details?.[0]?.message).toBe(
      'The partner already has a friendship tie with 苏州: the one-to-one rule.',
    );
    tie = await call<TieRow>(registry, 'workflow:advance', {
      ...input,
      overrides: {
        oneToOne: 'CPAFFC agreed 2023-12',
        signingBeforeLetter: 'Letter re-signed after the ceremony',
      },
    });
    expect(tie.stage).toBe('established');
    const stored = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    const audit = await registry.db
      .selectFrom('tie_events')
      .select('override_reason')
      .where('tie_id', '=', tie.id)
      .where('stage', '=', 'established')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.override_reason ?? '{}')).toEqual({
      oneToOne: 'CPAFFC agreed 2023-12',
      signingBeforeLetter: 'Letter re-signed after the ceremony',
    });
    expect(stored.at(-1)?.stage).toBe('established');
  });

  it('refuses the same signing through a grid edit, which cannot give reasons', async () => {
    await newTie({ local: '苏州', partner: 'Perth', stage: 'established', established_on: '2000' });
    const tie = await newTie({ stage: 'approved', our_signatory: 'A', partner_signatory: 'B' });
    const error = await refusal('ties:update', {
      id: tie.id,
      version: tie.version,
      patch: { stage: 'established', established_on: '2025-10-01' },
    });
    expect(error.key).toBe('errors.workflow.warnings');
    expect((await call<TieRow>(registry, 'ties:get', { id: tie.id })).stage).toBe('approved');
  });

  it('suspends, resumes and terminates with a date and a reason, confidential when asked', async () => {
    let tie = await newTie({ stage: 'established', established_on: '1998' });
    expect(
      (await refusal('workflow:advance', { id: tie.id, version: tie.version, to: 'suspended' }))
        .message,
    ).toBe('Before it can go to Suspended, the tie needs the date, the reason.');
    tie = await call<TieRow>(registry, 'workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'suspended',
      on: '2012-02-21',
      reason: '市长言论',
      confidential: true,
    });
    tie = await call<TieRow>(registry, 'workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'established',
      on: '2019',
      reason: '恢复交往',
    });
    expect(tie.established_on).toBe('1998');
    tie = await call<TieRow>(registry, 'workflow:advance', {
      id: tie.id,
      version: tie.version,
      to: 'terminated',
      on: '2026-01-01',
      reason: 'Merged into a regional tie',
    });
    const stored = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(stored.map((e) => [e.stage, e.on, e.confidential])).toEqual([
      ['established', '1998', false],
      ['suspended', '2012-02-21', true],
      ['established', '2019', false],
      ['terminated', '2026-01-01', false],
    ]);
    expect(
      (
        await refusal('workflow:advance', {
          id: tie.id,
          version: tie.version,
          to: 'established',
          on: '2026-02',
          reason: 'x',
        })
      ).key,
    ).toBe('errors.stage.transition');
  });

  it('upgrades an established exchange tie, needing a chain when Settings say so', async () => {
    let tie = await newTie({ kind: 'exchange', stage: 'established', established_on: '2018-10' });
    await call(registry, 'settings:update', { patch: { upgradeRequiresChain: true } });
    expect((await options(tie.id)).upgrade).toEqual({ allowed: false, missing: ['chain'] });
    expect(
      (await refusal('workflow:upgrade', { id: tie.id, version: tie.version, on: '2024-05' }))
        .message,
    ).toBe('The tie cannot be upgraded yet: it needs an approved chain after its signing.');
    tie = await call<TieRow>(registry, 'workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2024-01-05',
    });
    expect(tie.stage).toBe('established');
    for (const step of (await options(tie.id)).round) {
      const fresh = (await options(tie.id)).round.find((s) => s.id === step.id) as StepRow;
      await call(registry, 'workflow:decide', {
        id: fresh.id,
        version: fresh.version,
        outcome: 'approved',
        decided_on: '2024-03-01',
      });
    }
    tie = await call<TieRow>(registry, 'ties:get', { id: tie.id });
    tie = await call<TieRow>(registry, 'workflow:upgrade', {
      id: tie.id,
      version: tie.version,
      on: '2024-05',
      reason: '升格为友好城市',
    });
    expect(tie.kind).toBe('friendship');
    expect((await events(tie.id)).at(-1)).toEqual(['friendship', '2024-05', '升格为友好城市']);
  });

  it('records a decision typed into the approvals grid like a decided step', async () => {
    let tie = await newTie({ stage: 'intent', intent_signed_on: '2025-01' });
    await call(registry, 'chains:set', {
      level: 'city',
      steps: [{ zh: '市政府', en: 'City government' }],
    });
    tie = await call<TieRow>(registry, 'workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2025-02-01',
    });
    const step = (await options(tie.id)).round[0] as StepRow;
    await call(registry, 'steps:update', {
      id: step.id,
      version: step.version,
      patch: { outcome: '批准', decided_on: '2025-02-20' },
    });
    expect((await call<TieRow>(registry, 'ties:get', { id: tie.id })).stage).toBe('approved');
    const decided = (await options(tie.id)).round[0] as StepRow;
    expect(
      (
        await refusal('steps:update', {
          id: decided.id,
          version: decided.version,
          patch: { outcome: 'returned' },
        })
      ).key,
    ).toBe('errors.workflow.decisionFixed');
  });
});

describe('follow-ups and anniversaries', () => {
  it('lists what waits longer than the thresholds in Settings', async () => {
    // The test clock reads 2026-01-15.
    const letterTie = await newTie({ partner: 'Perth', stage: 'intent' });
    await call(registry, 'letters:create', {
      tie_id: letterTie.id,
      title: 'Old letter',
      signed_on: '2025-06-01',
    });
    await newTie({
      partner: 'Leipzig',
      country: 'DE',
      stage: 'established',
      established_on: '2010',
    });
    const fresh = await newTie({
      partner: 'Florence',
      country: 'IT',
      stage: 'established',
      established_on: '2025',
    });
    await call(registry, 'visits:create', {
      direction: 'outgoing',
      local: '南京',
      start_on: '2025-09',
      ties: [fresh.id],
    });
    const tie = await newTie({
      partner: 'Daejeon',
      country: 'KR',
      stage: 'intent',
      intent_signed_on: '2025-01',
    });
    await call(registry, 'chains:set', {
      level: 'city',
      steps: [
        { zh: '市政府', en: 'City government' },
        { zh: '全国友协', en: 'CPAFFC' },
      ],
    });
    await call<TieRow>(registry, 'workflow:submit', {
      id: tie.id,
      version: tie.version,
      submitted_on: '2025-11-01',
    });

    let f = await call<FollowUps>(registry, 'followups:list', {});
    expect(f.letters.map((i) => [i.partner, i.days])).toEqual([['Perth', 228]]);
    expect(f.steps.map((i) => [i.partner, i.ref?.label, i.days])).toEqual([
      ['Daejeon', '市政府', 75],
    ]);
    // Leipzig (2010) has no visit and was established before the horizon of
    // visits (2023, the earlier of the first visit and three years ago): one summary line.
    expect(f.quiet).toEqual([]);
    expect(f.unvisited).toEqual({ count: 1, before: '2023' });
    expect(f.total).toBe(3);
    // The navigation's badge asks for the count only.
    const counted = await call<FollowUps>(registry, 'followups:list', { limit: 0 });
    expect(counted).toEqual({
      letters: [],
      approved: [],
      steps: [],
      quiet: [],
      outOfOrder: [],
      unvisited: { count: 1, before: '2023' },
      marks: [],
      notForeign: [],
      total: 3,
    });

    await call(registry, 'settings:update', {
      patch: { followUps: { letterMonths: 12, approvedDays: 90, stepDays: 100, visitYears: 20 } },
    });
    f = await call<FollowUps>(registry, 'followups:list', {});
    expect(f.total).toBe(0);
  });

  it('counts "no visit" from the last visit, or from establishment within the visits on record', async () => {
    // The test clock reads 2026-01-15; visits on record begin in 2012.
    const visited = await newTie({
      partner: 'Nagoya',
      country: 'JP',
      stage: 'established',
      established_on: '1978',
    });
    await call(registry, 'visits:create', {
      direction: 'incoming',
      local: '南京',
      start_on: '2012-05',
      ties: [visited.id],
    });
    await newTie({ partner: 'Perth', country: 'AU', stage: 'established', established_on: '2015' });
    for (const [partner, country] of [
      ['Leipzig', 'DE'],
      ['Florence', 'IT'],
      ['Mogilev', 'BY'],
    ] as const)
      await newTie({ partner, country, stage: 'established', established_on: '1985' });
    const f = await call<FollowUps>(registry, 'followups:list', {});
    expect(f.quiet.map((i) => [i.partner, i.since])).toEqual([
      ['Nagoya', '2012-05'],
      ['Perth', '2015'],
    ]);
    expect(f.unvisited).toEqual({ count: 3, before: '2012' });
    expect(f.total).toBe(3);
  });

  it('dismisses and snoozes an item with a reason, audited, and brings it back', async () => {
    const leipzig = await newTie({
      partner: 'Leipzig',
      country: 'DE',
      stage: 'established',
      established_on: '2016',
    });
    await call(registry, 'visits:create', {
      direction: 'incoming',
      local: '南京',
      start_on: '2018-04',
      ties: [leipzig.id],
    });
    let f = await call<FollowUps>(registry, 'followups:list', {});
    const [quiet] = f.quiet;
    expect(quiet?.item).toMatch(/^quiet:/);
    const refused = await registry.door(
      'followups:mark',
      { item: quiet!.item, action: 'snoozed', until: '2025-12-31', reason: 'later' },
      { trusted: true, lang: 'en' },
    );
    expect(refused.ok).toBe(false);
    await call(registry, 'followups:mark', {
      item: quiet!.item,
      action: 'snoozed',
      until: '2026-06-30',
      reason: 'A delegation is planned for the summer',
    });
    f = await call<FollowUps>(registry, 'followups:list', {});
    expect(f.quiet).toEqual([]);
    expect(f.marks.map((m) => [m.partner, m.action, m.until, m.reason, m.marked_by])).toEqual([
      ['Leipzig', 'snoozed', '2026-06-30', 'A delegation is planned for the summer', 'tester'],
    ]);
    const audit = await call<AuditRow[]>(registry, 'audit:list', {});
    expect(audit.filter((a) => a.entity === 'followup_mark').map((a) => a.action)).toEqual([
      'create',
    ]);
    await call(registry, 'followups:mark', {
      item: quiet!.item,
      action: 'dismissed',
      reason: 'The partner has stopped answering',
    });
    f = await call<FollowUps>(registry, 'followups:list', {});
    expect(f.marks.map((m) => m.action)).toEqual(['dismissed']);
    expect(await call(registry, 'followups:unmark', { item: quiet!.item })).toEqual({ lifted: 1 });
    f = await call<FollowUps>(registry, 'followups:list', {});
    expect(f.quiet.map((i) => i.partner)).toEqual(['Leipzig']);
    expect(f.marks).toEqual([]);
  });

  it('lists the round anniversaries of a year', async () => {
    await newTie({
      partner: 'St. Louis',
      country: 'US',
      stage: 'established',
      established_on: '1979-11-02',
    });
    await newTie({
      partner: 'Mogilev',
      country: 'BY',
      stage: 'established',
      established_on: '2016-09',
    });
    await newTie({
      partner: 'Nagoya',
      country: 'JP',
      stage: 'established',
      established_on: '1978',
    });
    const list = await call<TieAnniversary[]>(registry, 'ties:anniversaries', { year: 2029 });
    expect(list.map((a) => [a.partner, a.years])).toEqual([['St. Louis', 50]]);
    expect(
      (await call<TieAnniversary[]>(registry, 'ties:anniversaries', { year: 2026 })).map((a) => [
        a.partner,
        a.years,
      ]),
    ).toEqual([['Mogilev', 10]]);
  });
});
