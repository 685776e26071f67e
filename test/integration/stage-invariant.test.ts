import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import type { Registry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import { writeFixture } from '../support/fixtures';
import { buildOffice, eventWriter } from '../support/office';
import { call, ctx, testRegistry } from '../support/registry';

/**
 * One truth for a tie's stage: the stage a tie shows is the stage of its last stage event, in
 * every registry the tests build or keep (each schema fixture, migrated; the sample ledger
 * imported; the report tests' office), and after the grid writes that touch dates and stages.
 */
async function mismatches(registry: Registry): Promise<string[]> {
  const ties = await registry.db.selectFrom('ties').select(['id', 'stage']).execute();
  const events = await registry.db
    .selectFrom('tie_events')
    .select(['tie_id', 'seq', 'stage'])
    .where('type', '=', 'stage')
    .orderBy('tie_id')
    .orderBy('seq')
    .execute();
  const last = new Map<string, string | null>();
  for (const e of events) last.set(e.tie_id, e.stage);
  return ties
    .filter((t) => last.get(t.id) !== t.stage)
    .map((t) => `${t.id}: ${t.stage} ≠ ${String(last.get(t.id))}`);
}

const dirs: string[] = [];
let open: Registry | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a tie’s stage is its last stage event', () => {
  it.each(Object.keys(migrations))('in the fixture of %s, migrated', async (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-invariant-'));
    dirs.push(dir);
    open = await testRegistry({ file: writeFixture(name, path.join(dir, 'registry.db')) });
    const count = await open.db
      .selectFrom('ties')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
    expect(await mismatches(open)).toEqual([]);
  });

  it('in the sample ledger, imported', async () => {
    open = await testRegistry();
    await open.services.interchange.importFile(
      'test/fixtures/nanjing-ties.csv',
      { dryRun: false },
      ctx,
    );
    expect((await call<{ total: number }>(open, 'ties:list', {})).total).toBe(20);
    expect(await mismatches(open)).toEqual([]);
  });

  it('in the report tests’ office', async () => {
    const registry = await testRegistry();
    open = registry;
    await buildOffice((channel, input) => call(registry, channel, input), eventWriter(registry));
    expect(await mismatches(registry)).toEqual([]);
  });

  it('after grid edits, pastes and bulk edits of dates and stages, refused or not', async () => {
    const registry = await testRegistry();
    open = registry;
    const base = { local: 'Nanjing', local_level: 'city', country: 'JP', kind: 'friendship' };
    const contact = await call<TieRow>(registry, 'ties:create', {
      ...base,
      partner: 'Nagoya',
      stage: 'contact',
    });
    const established = await call<TieRow>(registry, 'ties:create', {
      ...base,
      partner: 'Osaka',
      stage: 'established',
      established_on: '1980',
    });
    const tries: [string, unknown][] = [
      ['ties:update', { id: contact.id, version: 1, patch: { established_on: '2020' } }],
      ['ties:update', { id: contact.id, version: 1, patch: { intent_signed_on: '2019-05' } }],
      ['ties:update', { id: contact.id, version: 1, patch: { first_contact_on: '2018' } }],
      ['ties:update', { id: established.id, version: 1, patch: { established_on: null } }],
      ['ties:update', { id: established.id, version: 2, patch: { first_contact_on: '1979' } }],
      ['ties:update', { id: established.id, version: 3, patch: { stage: 'suspended' } }],
    ];
    for (const [channel, input] of tries) await registry.door(channel, input, { trusted: true });
    const current = await call<TieRow>(registry, 'ties:get', { id: contact.id });
    const pasted = await registry.door(
      'grid:paste',
      {
        grid: 'ties',
        columns: ['established_on', 'notes'],
        rows: [{ id: current.id, version: current.version }],
        text: '2021年5月1日\tsigned?\n',
      },
      { trusted: true },
    );
    expect(!pasted.ok && pasted.error.details?.[0]?.key).toBe('errors.tie.dateAheadOfStage');
    const bulk = await registry.door(
      'grid:bulk',
      {
        grid: 'ties',
        column: 'intent_signed_on',
        value: '2019',
        rows: [{ id: current.id, version: current.version }],
      },
      { trusted: true },
    );
    expect(bulk.ok).toBe(false);
    expect(await mismatches(registry)).toEqual([]);
    const after = await call<TieRow>(registry, 'ties:get', { id: contact.id });
    expect(after).toMatchObject({ stage: 'contact', established_on: null, intent_signed_on: null });
  });
});
