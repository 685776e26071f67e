import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { LetterRow, Page, StepRow, TieRow, VisitRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

let registry: Registry;
let nagoya: TieRow;
beforeEach(async () => {
  registry = await testRegistry();
  nagoya = await call<TieRow>(registry, 'ties:create', {
    local: 'Nanjing',
    local_level: 'city',
    partner: 'Nagoya',
    country: 'JP',
    stage: 'intent',
    intent_signed_on: '2025-03',
  });
});
afterEach(async () => {
  await registry.close();
});

const refusal = async (channel: string, input: unknown) => {
  const r = await registry.door(channel, input, { trusted: true });
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
};

describe('letters of intent', () => {
  it('are recorded against a tie named by id or by names, and edited with versions', async () => {
    const a = await call<LetterRow>(registry, 'letters:create', {
      tie_id: nagoya.id,
      title: '友好交流意向书',
      signed_on: '2025年3月2日',
      doc_type: '意向书',
    });
    expect(a).toMatchObject({
      local: 'Nanjing',
      partner: 'Nagoya',
      country: 'JP',
      signed_on: '2025-03-02',
      doc_type: 'letter',
      status: 'active',
      version: 1,
    });
    const b = await call<LetterRow>(registry, 'letters:create', {
      local: 'Nanjing',
      partner: 'Nagoya',
      title: 'MoU',
      doc_type: 'MoU',
    });
    expect(b.tie_id).toBe(nagoya.id);
    const updated = await call<LetterRow>(registry, 'letters:update', {
      id: a.id,
      version: 1,
      patch: { status: 'superseded', follow_up_on: '2026-01' },
    });
    expect(updated).toMatchObject({ status: 'superseded', follow_up_on: '2026-01', version: 2 });
    expect(
      (await refusal('letters:update', { id: a.id, version: 1, patch: { notes: 'x' } })).code,
    ).toBe('conflict');
    const list = await call<Page<LetterRow>>(registry, 'letters:list', { tie_id: nagoya.id });
    expect(list.total).toBe(2);
  });

  it('refuses a letter for a tie that does not exist, naming it', async () => {
    const error = await refusal('letters:create', {
      local: 'Nanjing',
      partner: 'Atlantis City',
      title: 'x',
    });
    expect(error.details?.[0]).toMatchObject({
      path: ['partner'],
      message: 'There is no tie between “Nanjing” and “Atlantis City”.',
    });
    expect((await refusal('letters:create', { title: 'x' })).details?.[0]?.path).toEqual([
      'tie_id',
    ]);
  });

  it('are deleted softly and restored', async () => {
    const a = await call<LetterRow>(registry, 'letters:create', { tie_id: nagoya.id, title: 'L' });
    await call(registry, 'letters:delete', { id: a.id, version: 1 });
    expect((await call<Page<LetterRow>>(registry, 'letters:list', {})).total).toBe(0);
    await call(registry, 'letters:restore', { id: a.id, version: 2 });
    expect((await call<Page<LetterRow>>(registry, 'letters:list', {})).total).toBe(1);
  });
});

describe('approval steps', () => {
  it('join the current round in order and count the days they wait', async () => {
    const first = await call<StepRow>(registry, 'steps:create', {
      tie_id: nagoya.id,
      authority: '南京市人民政府',
      submitted_on: '2026-01-05',
    });
    const second = await call<StepRow>(registry, 'steps:create', {
      tie_id: nagoya.id,
      authority: 'Jiangsu FAO',
    });
    expect([first.round, first.position, second.position]).toEqual([1, 1, 2]);
    // The test clock reads 2026-01-15.
    expect(first.waiting_days).toBe(10);
    expect(second.waiting_days).toBeNull();
    const waiting = await call<Page<StepRow>>(registry, 'steps:list', { waiting: true });
    expect(waiting.rows.map((r) => r.id)).toEqual([first.id]);
    const decided = await call<StepRow>(registry, 'steps:update', {
      id: first.id,
      version: 1,
      patch: { decided_on: '2026-01-10', outcome: '批准', reference_no: '宁外〔2026〕3号' },
    });
    expect(decided).toMatchObject({
      outcome: 'approved',
      waiting_days: null,
      reference_no: '宁外〔2026〕3号',
    });
    // The approval forwarded the file: the next step now counts as submitted, at a new version.
    const forwarded = await call<StepRow>(registry, 'steps:get', { id: second.id });
    expect(forwarded).toMatchObject({ submitted_on: '2026-01-10', version: 2, waiting_days: 5 });
    const renamed = await call<StepRow>(registry, 'steps:update', {
      id: second.id,
      version: 2,
      patch: { authority: '江苏省外办' },
    });
    expect(renamed).toMatchObject({ authority_zh: '江苏省外办', authority_en: 'Jiangsu FAO' });
  });
});

describe('delegation visits', () => {
  it('keep direction, people, money and the ties they served', async () => {
    await call(registry, 'ties:create', {
      local: 'Nanjing',
      partner: 'St. Louis',
      country: 'US',
      stage: 'established',
      established_on: '1979-11-02',
    });
    const visit = await call<VisitRow>(registry, 'visits:create', {
      direction: '出访',
      local: 'Nanjing',
      country: '日本',
      leader: '张三',
      leader_title: '副市长',
      start_on: '2026-04-01',
      end_on: '2026-04-06',
      size: '12',
      fields: '经贸、教育',
      ties: 'Nagoya; St. Louis',
      agreements_signed: 2,
      amount: '1,200,000.50',
      currency: '美元',
    });
    expect(visit).toMatchObject({
      direction: 'outgoing',
      local: 'Nanjing',
      country: 'JP',
      size: 12,
      fields: ['economy', 'education'],
      amount: '1200000.50',
      currency: 'USD',
      agreements_signed: 2,
    });
    expect(visit.ties.map((t) => t.label).sort()).toEqual([
      'Nanjing – Nagoya',
      'Nanjing – St. Louis',
    ]);
    const unlinked = await call<VisitRow>(registry, 'visits:update', {
      id: visit.id,
      version: 1,
      patch: { ties: ['Nagoya'] },
    });
    expect(unlinked.ties.map((t) => t.label)).toEqual(['Nanjing – Nagoya']);
    expect(unlinked.version).toBe(2);
    const byTie = await call<Page<VisitRow>>(registry, 'visits:list', { tie_id: nagoya.id });
    expect(byTie.total).toBe(1);
  });

  it('reads counts in decimal only: hex, binary, octal and exponents are refused', async () => {
    for (const size of ['0x10', '0b11', '0o7', '1e3', '12abc', '１２x']) {
      const error = await refusal('visits:create', {
        direction: 'incoming',
        start_on: '2026-04-06',
        size,
      });
      expect(
        error.details?.map((d) => [d.path.join('.'), d.key]),
        size,
      ).toEqual([['size', 'errors.validation.integer']]);
    }
    const made = await call<VisitRow>(registry, 'visits:create', {
      direction: 'incoming',
      start_on: '2026-04-06',
      size: '1,200',
    });
    expect(made.size).toBe(1200);
  });

  it('refuses bad values, each with its field', async () => {
    const error = await refusal('visits:create', {
      direction: 'sideways',
      size: -3,
      amount: '3.5万',
      currency: 'XYZ',
      start_on: '2026-04-06',
      end_on: '2026-04-01',
    });
    expect(error.details?.map((d) => d.path.join('.')).sort()).toEqual([
      'amount',
      'currency',
      'direction',
      'size',
    ]);
    const order = await refusal('visits:create', {
      direction: 'incoming',
      start_on: '2026-04-06',
      end_on: '2026-04-01',
    });
    expect(order.details?.[0]).toMatchObject({
      path: ['end_on'],
      message: 'The visit ends (2026-04-01) before it starts (2026-04-06).',
    });
    const tie = await refusal('visits:create', { direction: 'incoming', ties: 'Atlantis' });
    expect(tie.details?.[0]?.message).toBe('No tie matches “Atlantis”.');
  });
});
