import type { ColDef } from 'ag-grid-community';
import i18next from 'i18next';
import type { TieColumn } from '../../shared/ipc/ties';
import type { TieRow } from '../../shared/model';
import { attempt, call } from '../api/client';
import { columnKit } from '../grid/columns';
import { countMap } from '../grid/logic/checklist';
import type { GridSpec } from '../grid/spec';
import { NewTieDialog } from './NewTieDialog';

/** The Ties grid: column ids are the interchange column names of the domain contract. */
export const tiesGrid: GridSpec<TieRow> = {
  name: 'ties',
  title: 'nav.ties',
  columns(lang, reference) {
    const c = columnKit<TieRow>(i18next.t, lang, reference.countryByCode);
    const columns: ColDef<TieRow>[] = [
      { ...c.text('local', 130), pinned: 'left' },
      c.enumeration('local_level', 'level', 100),
      { ...c.text('partner', 170), pinned: 'left' },
      c.text('partner_zh', 140),
      c.country(),
      c.text('region', 120),
      c.enumeration('kind', 'kind', 170),
      c.enumeration('stage', 'stage', 120),
      c.date('established_on'),
      c.date('intent_signed_on'),
      c.date('first_contact_on'),
      c.text('signed_place', 120),
      c.text('our_signatory', 130),
      c.text('partner_signatory', 130),
      c.fields(),
      c.longText('notes', 260),
    ];
    return columns;
  },
  query: (view) => call('ties:list', view as never),
  counts: async (column, view) =>
    countMap(
      await call('ties:counts', {
        column: column as never,
        filter: view.filter as never,
        quick: view.quick,
        deleted: view.deleted,
      }),
    ),
  get: (id) => attempt('ties:get', { id }),
  update: async (row, column, value) => {
    const send = (confirmShared: boolean) =>
      attempt('ties:update', {
        id: row.id,
        version: row.version,
        patch: { [column as TieColumn]: value } as never,
        ...(confirmShared ? { confirmShared } : {}),
      });
    const result = await send(false);
    // A level belongs to the place: main asks before it changes the place's other ties too.
    if (result.ok || result.error.key !== 'errors.tie.sharedLocality') return result;
    const { name, count } = result.error.params as { name: string; count: number };
    const total = count + 1;
    if (!window.confirm(i18next.t('ties.sharedConfirm', { name, count: total }))) return result;
    return send(true);
  },
  setDeleted: (row, deleted) =>
    attempt(deleted ? 'ties:delete' : 'ties:restore', { id: row.id, version: row.version }),
  describe: (row) => `${row.local} – ${row.partner}`,
  confirmDelete: (row, t) => t('ties.deleteConfirmOne', { local: row.local, partner: row.partner }),
  renderCreate: (props) => <NewTieDialog {...props} />,
};
