import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { Page, TieRow, VisitRow } from '../../shared/model';
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
      local: '南京市',
      country: 'JP',
      size: 12,
      fields: ['economy', 'education'],
      amount: '1200000.50',
      currency: 'USD',
      agreements_signed: 2,
    });
    expect(visit.ties.map((t) => t.label).sort()).toEqual([
      '南京市 – Nagoya',
      '南京市 – St. Louis',
    ]);
    const unlinked = await call<VisitRow>(registry, 'visits:update', {
      id: visit.id,
      version: 1,
      patch: { ties: ['Nagoya'] },
    });
    expect(unlinked.ties.map((t) => t.label)).toEqual(['南京市 – Nagoya']);
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
