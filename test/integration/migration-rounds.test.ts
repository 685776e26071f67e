import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFixture } from '../support/fixtures';
import { testRegistry } from '../support/registry';

/**
 * 20261205T0400_approval_rounds: one reference number served both the submission and the
 * decision; a decided step's number was written by its decision, so it moves to
 * `decision_ref`, and a waiting step's stays the submission's.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the approval-rounds migration', () => {
  it('moves a decided step’s number to the decision’s and keeps a waiting one’s', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-rounds-'));
    dirs.push(dir);
    const file = writeFixture('20261204T2200_staff_sign_in', path.join(dir, 'registry.db'));
    const sqlite = new Database(file);
    const step = sqlite.prepare('select * from approval_steps limit 1').get() as Record<
      string,
      unknown
    >;
    const insert = sqlite.prepare(
      `insert into approval_steps (id, tie_id, round, position, authority_zh, authority_en,
        submitted_on, decided_on, outcome, reference_no, note, version, created_at, updated_at)
       values (?, ?, 1, ?, '省外办', 'Provincial FAO', '2026-01-05', ?, ?, ?, null, 1, ?, ?)`,
    );
    const at = String(step.created_at);
    insert.run('decided', step.tie_id, 2, '2026-01-20', 'approved', '苏外复〔2026〕3号', at, at);
    insert.run('waiting', step.tie_id, 3, null, null, '宁外〔2026〕9号', at, at);
    sqlite.close();

    const registry = await testRegistry({ file });
    const rows = registry.sqlite
      .prepare(
        "select id, reference_no, decision_ref, decided_by, carried_from from approval_steps where id in ('decided', 'waiting') order by id",
      )
      .all();
    await registry.close();
    expect(rows).toEqual([
      {
        id: 'decided',
        reference_no: null,
        decision_ref: '苏外复〔2026〕3号',
        decided_by: null,
        carried_from: null,
      },
      {
        id: 'waiting',
        reference_no: '宁外〔2026〕9号',
        decision_ref: null,
        decided_by: null,
        carried_from: null,
      },
    ]);
  });
});
