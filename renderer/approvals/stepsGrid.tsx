import i18next from 'i18next';
import type { StepRow } from '../../shared/model';
import { attempt, call } from '../api/client';
import { columnKit } from '../grid/columns';
import type { GridSpec } from '../grid/spec';

/**
 * The approval steps of every tie; “waiting only” is the pending-approvals view: every step
 * submitted and not yet decided, at which authority, for how many days.
 */
export const stepsGrid: GridSpec<StepRow> = {
  name: 'steps',
  title: 'nav.approvals',
  columns(lang, reference) {
    const c = columnKit<StepRow>(i18next.t, lang, reference.countryByCode, 'stepColumns');
    return [
      c.place('local', (r) => r.local_key, 110, { pinned: 'left', editable: false }),
      c.place('partner', (r) => r.partner_key, 150, { pinned: 'left', editable: false }),
      { ...c.country(), editable: false },
      { ...c.number('round', 80), editable: false },
      { ...c.number('position', 80), editable: false },
      {
        ...c.text('authority', 200),
        valueGetter: (p) =>
          p.data ? (lang === 'zh' ? p.data.authority_zh : p.data.authority_en) : '',
      },
      c.date('submitted_on'),
      c.date('decided_on'),
      c.enumeration('outcome', 'outcome', 120),
      { ...c.number('waiting_days', 110), editable: false, sort: 'desc' },
      c.text('reference_no', 150),
      c.text('decision_ref', 150),
      c.longText('note', 220),
      { ...c.text('decided_by', 110), editable: false },
      { ...c.number('carried_from_round', 110), editable: false },
    ];
  },
  list: async (deleted) => [...(await call('steps:list', { deleted })).rows],
  get: (id) => attempt('steps:get', { id }),
  update: (row, column, value) =>
    attempt('steps:update', {
      id: row.id,
      version: row.version,
      patch: { [column]: value } as never,
    }),
  setDeleted: (row, deleted) =>
    attempt(deleted ? 'steps:delete' : 'steps:restore', { id: row.id, version: row.version }),
  describe: (row) => `${row.local} – ${row.partner} · ${row.authority_zh}`,
  confirmDelete: (row, t) => t('grid.deleteOne', { target: row.authority_zh }),
  filter: { label: 'grid.waitingOnly', test: (row) => row.waiting_days !== null },
  decisions: ['outcome'],
};
