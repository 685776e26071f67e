import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { UndoEntry, UndoResult } from '../../shared/ipc/undo';
import type { Page, StepRow, TieRow } from '../../shared/model';
import type { WireResult } from '../../shared/result';
import { populate } from '../support/populate';
import { call, testRegistry } from '../support/registry';
import type { TieEvent } from '../../shared/timeline';

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
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
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

const kyoto = { ...nagoya, partner: 'Kyoto' };

describe('undo and redo as a spreadsheet does them', () => {
  it('lets a new change clear what could be redone, and says so', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'ties:update', { id: tie.id, version: 1, patch: { notes: 'old' } });
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await get(tie.id)).notes).toBeNull();
    // A new edit after the undo: the undone one is gone from the redo stack.
    const other = await call<TieRow>(registry, 'ties:create', kyoto);
    const redo = await registry.door('undo:redo', { scope: 'ties' }, { trusted: true });
    expect(redo).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await get(tie.id)).notes).toBeNull();
    expect((await get(other.id)).deleted_at).toBeNull();
    const list = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    const old = list.find((e) => e.label === 'undo.update')!;
    expect(old).toMatchObject({ dropped: 'superseded', actor: 'tester' });
    // Nor from the History panel, by its id.
    const byId = await registry.door('undo:redo', { id: old.id }, { trusted: true });
    expect(byId).toMatchObject({ ok: false, error: { key: 'errors.undo.superseded' } });
    expect((await get(tie.id)).notes).toBeNull();
    // The new change itself still undoes and redoes.
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await get(other.id)).deleted_at).not.toBeNull();
    await call(registry, 'undo:redo', { scope: 'ties' });
    expect((await get(other.id)).deleted_at).toBeNull();
  });

  it('keeps the redo stack while the user only undoes and redoes, newest undone first', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'ties:update', { id: tie.id, version: 1, patch: { notes: 'a' } });
    await call(registry, 'ties:update', { id: tie.id, version: 2, patch: { notes: 'b' } });
    await call(registry, 'undo:undo', { scope: 'ties' });
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await get(tie.id)).notes).toBeNull();
    await call(registry, 'undo:redo', { scope: 'ties' });
    expect((await get(tie.id)).notes).toBe('a');
    await call(registry, 'undo:redo', { scope: 'ties' });
    expect((await get(tie.id)).notes).toBe('b');
  });

  it('steps past a command whose record changed since, says so once, and undoes the one before', async () => {
    const a = await call<TieRow>(registry, 'ties:create', nagoya);
    const b = await call<TieRow>(registry, 'ties:create', kyoto);
    await call(registry, 'ties:update', { id: a.id, version: 1, patch: { notes: 'first' } });
    await call(registry, 'ties:update', { id: b.id, version: 1, patch: { notes: 'second' } });
    // A colleague edits b afterwards.
    await call(registry, 'settings:update', { patch: { staffName: '王芳' } });
    await call(registry, 'ties:update', { id: b.id, version: 2, patch: { notes: 'theirs' } });
    await call(registry, 'settings:update', { patch: { staffName: 'tester' } });

    const first = await call<UndoResult>(registry, 'undo:undo', { scope: 'ties' });
    expect(first.skipped.map((s) => [s.command.text, s.key, s.message])).toEqual([
      [
        'Edited Nanjing – Kyoto',
        'errors.undo.changedSince',
        '“Edited Nanjing – Kyoto” was skipped and can no longer be undone: That tie was changed since.',
      ],
    ]);
    expect(first.command).toMatchObject({ text: 'Edited Nanjing – Nagoya' });
    expect((await get(a.id)).notes).toBeNull();
    expect((await get(b.id)).notes).toBe('theirs');

    // Said once: the next Ctrl+Z goes on down the stack without naming it again (Kyoto's
    // creation is stale too, and said; Nagoya's is undone).
    const second = await call<UndoResult>(registry, 'undo:undo', { scope: 'ties' });
    expect(second.skipped.map((s) => s.command.text)).toEqual(['Added Nanjing – Kyoto']);
    expect(second.command).toMatchObject({ text: 'Added Nanjing – Nagoya' });
    expect((await get(a.id)).deleted_at).not.toBeNull();
    expect((await get(b.id)).deleted_at).toBeNull();
    const list = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    const mine = list.filter((e) => e.actor === 'tester' && e.text === 'Edited Nanjing – Kyoto');
    expect(mine.map((e) => e.dropped)).toEqual(['changedSince']);
  });

  it('answers with every skipped command and nothing done when none is left to undo', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'settings:update', { patch: { staffName: '王芳' } });
    await call(registry, 'ties:update', { id: tie.id, version: 1, patch: { notes: 'theirs' } });
    await call(registry, 'settings:update', { patch: { staffName: 'tester' } });
    const zh = await registry.door('undo:undo', { scope: 'ties' }, { trusted: true, lang: 'zh' });
    expect(zh.ok && zh.value).toMatchObject({ command: null, touched: [] });
    const skipped = zh.ok ? (zh.value as UndoResult).skipped : [];
    expect(skipped.map((s) => s.message)).toEqual([
      '已跳过“新增了Nanjing – Nagoya”，它不能再撤销：该友城关系此后已被修改。',
    ]);
    expect((await get(tie.id)).deleted_at).toBeNull();
    const again = await registry.door('undo:undo', { scope: 'ties' }, { trusted: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names a bulk edit’s column by its label, in the reader’s language', async () => {
    const a = await call<TieRow>(registry, 'ties:create', nagoya);
    const b = await call<TieRow>(registry, 'ties:create', kyoto);
    await call(registry, 'grid:bulk', {
      grid: 'ties',
      column: 'kind',
      value: 'exchange',
      rows: [a, b].map((t) => ({ id: t.id, version: t.version })),
    });
    const [en] = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(en?.text).toBe('Set Kind on 2 rows');
    const zh = await registry.door('undo:list', { scope: 'ties' }, { trusted: true, lang: 'zh' });
    expect(zh.ok && (zh.value as UndoEntry[])[0]?.text).toBe('为2行设置了类型');
    const undone = await call<UndoResult>(registry, 'undo:undo', { scope: 'ties' });
    expect(undone.command?.text).toBe('Set Kind on 2 rows');
  });
});

describe('undo needs the role the command needed', () => {
  const as = (client: string, channel: string, input: unknown = {}) =>
    registry.door(channel, input, { trusted: true, client });
  async function ok<T>(result: Promise<WireResult<unknown>>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.key}: ${r.error.message}`);
    return r.value as T;
  }

  it('keeps an editor from undoing or redoing an approver’s decision or chain', async () => {
    const made = await populate(registry);
    await ok(as('boss', 'staff:create', { name: '李伟', password: 'approver-pass' }));
    await ok(as('boss', 'staff:create', { name: '王芳', password: 'editor-pass', role: 'editor' }));
    await ok(as('ed', 'auth:signIn', { name: '王芳', password: 'editor-pass' }));
    const step = made.steps[0]!;
    await ok<StepRow>(
      as('boss', 'workflow:decide', {
        id: step.id,
        version: step.version,
        outcome: 'approved',
        decided_on: '2026-01-10',
      }),
    );
    await ok(
      as('boss', 'chains:set', { level: 'county', steps: [{ zh: '县政府', en: 'County' }] }),
    );
    const list = await ok<UndoEntry[]>(as('ed', 'undo:list', { limit: 10 }));
    const decision = list.find((e) => e.label === 'undo.decide')!;
    const chain = list.find((e) => e.label === 'undo.chain')!;
    expect([decision.actor, chain.actor]).toEqual(['李伟', '李伟']);
    for (const entry of [decision, chain]) {
      const refused = await as('ed', 'undo:undo', { id: entry.id });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'auth.needs.approver' },
      });
    }
    const outcome = async () =>
      (
        await registry.db
          .selectFrom('approval_steps')
          .select('outcome')
          .where('id', '=', step.id)
          .executeTakeFirstOrThrow()
      ).outcome;
    expect(await outcome()).toBe('approved');
    // The approver may; and the editor may not redo it either.
    await ok(as('boss', 'undo:undo', { id: decision.id }));
    expect(await outcome()).toBeNull();
    const redo = await as('ed', 'undo:redo', { id: decision.id });
    expect(redo).toMatchObject({ ok: false, error: { key: 'auth.needs.approver' } });
    expect(await outcome()).toBeNull();
    await ok(as('boss', 'undo:redo', { id: decision.id }));
    expect(await outcome()).toBe('approved');
  }, 120_000);
});

describe('restoring a deleted record beside a live copy', () => {
  it('is refused with the create message naming the live one, however it is restored', async () => {
    const old = await call<TieRow>(registry, 'ties:create', nagoya);
    const gone = await call<TieRow>(registry, 'ties:delete', { id: old.id, version: 1 });
    const [deletion] = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    // A colleague enters the tie again.
    await call(registry, 'settings:update', { patch: { staffName: '王芳' } });
    const live = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'settings:update', { patch: { staffName: 'tester' } });
    const duplicate = {
      key: 'errors.tie.duplicate',
      message: 'Nanjing already has a tie with Nagoya (Japan).',
      params: { existingId: live.id },
    };

    const fromTrash = await registry.door(
      'ties:restore',
      { id: old.id, version: gone.version },
      { trusted: true },
    );
    expect(fromTrash).toMatchObject({ ok: false, error: { code: 'rule', ...duplicate } });
    const many = await registry.door(
      'grid:delete',
      { grid: 'ties', rows: [{ id: old.id, version: gone.version }], deleted: false },
      { trusted: true },
    );
    expect(!many.ok && many.error.details).toMatchObject([
      { key: duplicate.key, params: duplicate.params, message: duplicate.message },
    ]);
    const byId = await registry.door('undo:undo', { id: deletion!.id }, { trusted: true });
    expect(byId).toMatchObject({ ok: false, error: duplicate });
    const zh = await registry.door('undo:undo', { scope: 'ties' }, { trusted: true, lang: 'zh' });
    const skipped = zh.ok ? (zh.value as UndoResult).skipped : [];
    // The deletion, then the create below it (its tie is deleted now): both stale, both said.
    expect(skipped.map((s) => s.command.label)).toEqual(['undo.delete', 'undo.create']);
    expect(skipped[0]).toMatchObject({ key: duplicate.key, params: duplicate.params });
    expect(skipped[0]?.message).toContain('Nanjing与Nagoya');

    expect((await get(old.id)).deleted_at).not.toBeNull();
    const listed = await call<Page<TieRow>>(registry, 'ties:list', {});
    expect(listed.rows.map((r) => r.id)).toEqual([live.id]);
  });
});
