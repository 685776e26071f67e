import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { UndoEntry, UndoResult } from '../../shared/ipc/undo';
import type { Page, TieEventRow, TieRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(async () => {
  await registry.close();
});

const nagoya = {
  local: 'Nanjing',
  local_level: 'city',
  partner: 'Nagoya',
  country: 'JP',
  stage: 'established',
  established_on: '1978',
};
const get = (id: string) => call<TieRow>(registry, 'ties:get', { id });

describe('undo and redo from the command log', () => {
  it('undoes and redoes an edit, then a create, newest first', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { notes: 'Nanjing Square', kind: 'exchange' },
    });
    const list = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(list.map((h) => [h.label, h.params.target])).toEqual([
      ['undo.update', 'Nanjing – Nagoya'],
      ['undo.create', 'Nanjing – Nagoya'],
    ]);
    await call<UndoResult>(registry, 'undo:undo', { scope: 'ties' });
    expect(await get(tie.id)).toMatchObject({ notes: null, kind: 'friendship', version: 3 });
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await get(tie.id)).deleted_at).not.toBeNull();
    expect((await call<Page<TieRow>>(registry, 'ties:list', {})).total).toBe(0);
    await call(registry, 'undo:redo', { scope: 'ties' });
    expect((await get(tie.id)).deleted_at).toBeNull();
    await call(registry, 'undo:redo', { scope: 'ties' });
    expect(await get(tie.id)).toMatchObject({ notes: 'Nanjing Square', kind: 'exchange' });
    const nothing = await registry.door('undo:redo', { scope: 'ties' }, { trusted: true });
    expect(!nothing.ok && nothing.error.code).toBe('not_found');
  });

  it('lists a command an older registry stored as history.* under its undo.* label', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await registry.db.updateTable('commands').set({ label: 'history.create' }).execute();
    const [entry] = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(entry).toMatchObject({ label: 'undo.create', params: { target: 'Nanjing – Nagoya' } });
    await call(registry, 'undo:undo', { id: entry!.id });
    expect((await get(tie.id)).deleted_at).not.toBeNull();
  });

  it('restores a deleted row from the undo list', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'ties:delete', { id: tie.id, version: 1 });
    const deletion = (
      await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' })
    )[0] as UndoEntry;
    expect(deletion.label).toBe('undo.delete');
    await call(registry, 'undo:undo', { id: deletion.id });
    expect((await get(tie.id)).deleted_at).toBeNull();
  });

  it('refuses to undo over a later change, and changes nothing', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'ties:update', { id: tie.id, version: 1, patch: { notes: 'mine' } });
    const mine = (
      await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' })
    )[0] as UndoEntry;
    // A colleague edits the same tie afterwards.
    await call(registry, 'settings:update', { patch: { staffName: '王芳' } });
    await call(registry, 'ties:update', { id: tie.id, version: 2, patch: { notes: 'theirs' } });
    const refused = await registry.door('undo:undo', { id: mine.id }, { trusted: true });
    expect(!refused.ok && refused.error.message).toBe(
      'That tie was changed since; undoing would overwrite the later change, so nothing was undone.',
    );
    expect((await get(tie.id)).notes).toBe('theirs');
  });

  it('undoes a workflow step with its event, and keeps undo per person', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'workflow:advance', {
      id: tie.id,
      version: 1,
      to: 'suspended',
      on: '2012-02-21',
      reason: 'r',
    });
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await get(tie.id)).stage).toBe('established');
    const events = await call<TieEventRow[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => e.stage)).toEqual(['established']);
    await call(registry, 'settings:update', { patch: { staffName: '王芳' } });
    const other = await registry.door('undo:undo', { scope: 'ties' }, { trusted: true });
    expect(!other.ok && other.error.code).toBe('not_found');
  });

  it('survives closing and reopening the registry', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-undo-')), 'registry.db');
    const first = await testRegistry({ file });
    const tie = await call<TieRow>(first, 'ties:create', nagoya);
    await call(first, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { notes: 'before restart' },
    });
    await first.close();
    const second = await testRegistry({ file });
    await call(second, 'undo:undo', { scope: 'ties' });
    expect((await call<TieRow>(second, 'ties:get', { id: tie.id })).notes).toBeNull();
    await second.close();
  });
});
