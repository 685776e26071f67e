import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { LetterRow, Page, TieRow } from '../../shared/model';
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
      local: '南京市',
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
