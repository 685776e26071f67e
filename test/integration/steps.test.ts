import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { Page, StepRow, TieRow } from '../../shared/model';
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
