import i18next from 'i18next';
import type { VisitColumn } from '../../shared/ipc/visits';
import type { VisitRow } from '../../shared/model';
import { attempt, call } from '../api/client';
import { columnKit } from '../grid/columns';
import { countMap } from '../grid/logic/checklist';
import { LocalityEditor } from '../grid/editors/LocalityEditor';
import { TiesEditor } from '../grid/editors/TiesEditor';
import type { GridSpec } from '../grid/spec';
import { NewVisitDialog } from './NewVisitDialog';

export const visitsGrid: GridSpec<VisitRow> = {
  name: 'visits',
  title: 'nav.visits',
  columns(lang, reference) {
    const c = columnKit<VisitRow>(i18next.t, lang, reference.countryByCode, 'visitColumns');
    return [
      { ...c.enumeration('direction', 'direction', 116), pinned: 'left' },
      {
        ...c.text('local', 110),
        cellEditor: LocalityEditor,
        cellEditorParams: { localities: reference.localities },
      },
      c.country(),
      { ...c.text('leader', 130), pinned: 'left' },
      c.text('leader_title', 140),
      c.date('start_on'),
      c.date('end_on'),
      c.number('size', 80),
      c.text('organisation', 180),
      c.text('purpose', 200),
      c.fields(),
      {
        ...c.text('ties', 200),
        valueGetter: (p) =>
          p.data ? p.data.ties.map((x) => x.label.split(' – ')[1] ?? x.label).join('; ') : '',
        getQuickFilterText: (p) => (p.data ? p.data.ties.map((x) => x.label).join(' ') : ''),
        // Picked, not typed: a name would have to match a partner exactly.
        cellEditor: TiesEditor,
        cellEditorPopup: true,
        cellEditorPopupPosition: 'under',
        cellEditorParams: { lang },
        // Enter on a search picks the tie found; only on an empty search does it end the edit.
        suppressKeyboardEvent: (p) =>
          p.editing &&
          p.event.key === 'Enter' &&
          p.event.target instanceof HTMLInputElement &&
          p.event.target.value.trim() !== '',
      },
      c.longText('outcomes', 200),
      c.number('agreements_signed', 100),
      { ...c.text('amount', 120), type: 'rightAligned' },
      c.text('currency', 80),
      c.longText('notes', 200),
    ];
  },
  query: (view) => call('visits:list', view as never),
  counts: async (column, view) =>
    countMap(
      await call('visits:counts', {
        column: column as never,
        filter: view.filter as never,
        quick: view.quick,
        deleted: view.deleted,
      }),
    ),
  get: (id) => attempt('visits:get', { id }),
  update: (row, column, value) =>
    attempt('visits:update', {
      id: row.id,
      version: row.version,
      patch: { [column as VisitColumn]: value } as never,
    }),
  setDeleted: (row, deleted) =>
    attempt(deleted ? 'visits:delete' : 'visits:restore', { id: row.id, version: row.version }),
  describe: (row) => [row.leader, row.start_on].filter(Boolean).join(' · '),
  confirmDelete: (row, t) =>
    t('grid.deleteOne', { target: [row.leader, row.start_on].filter(Boolean).join(' · ') }),
  renderCreate: (props) => <NewVisitDialog {...props} />,
};
