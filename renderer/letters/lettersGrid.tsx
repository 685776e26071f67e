import i18next from 'i18next';
import type { LetterColumn } from '../../shared/ipc/letters';
import type { LetterRow } from '../../shared/model';
import { attempt, call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { columnKit } from '../grid/columns';
import type { GridSpec } from '../grid/spec';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridContext } from '../grid/columns';
import { ScanButtons } from './ScanButtons';

export const lettersGrid: GridSpec<LetterRow> = {
  name: 'letters',
  title: 'nav.letters',
  columns(lang, reference) {
    const c = columnKit<LetterRow>(i18next.t, lang, reference.countryByCode, 'letterColumns');
    return [
      c.place('local', (r) => r.local_key, 110, { pinned: 'left' }),
      c.place('partner', (r) => r.partner_key, 150, { pinned: 'left' }),
      c.country(),
      c.text('title', 220),
      c.enumeration('doc_type', 'letterType', 200),
      c.date('signed_on'),
      c.text('signed_place', 120),
      c.text('our_signatory', 130),
      c.text('partner_signatory', 130),
      c.date('follow_up_on'),
      c.enumeration('status', 'letterStatus', 160),
      {
        ...c.text('scan', 210),
        editable: false,
        sortable: false,
        filter: false,
        valueGetter: (p) => p.data?.scan_name ?? '',
        cellRenderer: (p: CustomCellRendererProps<LetterRow, unknown, GridContext>) =>
          p.data ? (
            <ScanButtons letter={p.data} onChanged={(row) => p.context.rowChanged(row)} />
          ) : null,
      },
      c.longText('notes', 240),
    ];
  },
  list: async (deleted) => [...(await call('letters:list', { deleted })).rows],
  get: (id) => attempt('letters:get', { id }),
  update: (row, column, value) =>
    attempt('letters:update', {
      id: row.id,
      version: row.version,
      patch: { [column as LetterColumn]: value } as never,
    }),
  setDeleted: (row, deleted) =>
    attempt(deleted ? 'letters:delete' : 'letters:restore', { id: row.id, version: row.version }),
  describe: (row) => row.title,
  confirmDelete: (row, t) => t('grid.deleteOne', { target: row.title }),
  renderCreate: ({ lang, onClose, onCreated }) => (
    <FormDialog
      lang={lang}
      title={i18next.t('lettersGrid.add')}
      fields={[
        { name: 'local', label: i18next.t('letterColumns.local'), kind: 'text' },
        { name: 'partner', label: i18next.t('letterColumns.partner'), kind: 'text' },
        { name: 'title', label: i18next.t('letterColumns.title'), kind: 'text' },
        {
          name: 'doc_type',
          label: i18next.t('letterColumns.doc_type'),
          kind: 'enum',
          vocabulary: 'letterType',
        },
        { name: 'signed_on', label: i18next.t('letterColumns.signed_on'), kind: 'date' },
        { name: 'follow_up_on', label: i18next.t('letterColumns.follow_up_on'), kind: 'date' },
      ]}
      submitLabel={i18next.t('grid.create')}
      onSubmit={(v) =>
        attempt('letters:create', { ...(v as Record<string, string>), title: String(v.title) })
      }
      onClose={onClose}
      onDone={(row) => onCreated(row as LetterRow)}
    />
  ),
};
