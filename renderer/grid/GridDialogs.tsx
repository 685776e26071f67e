import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import type { Reference } from '../reference';
import { BulkDialog } from './dialogs/BulkDialog';
import { DeleteDialog } from './dialogs/DeleteDialog';
import { NameDialog } from './dialogs/NameDialog';
import { PasteErrors } from './dialogs/PasteErrors';
import type { GridRow, GridSpec } from './spec';
import type { useClipboard } from './useClipboard';
import type { useDeleteRestore } from './useDeleteRestore';
import type { useFillAndBulk } from './useFillAndBulk';
import type { useSavedViews } from './useSavedViews';

/** The grid's dialogs, each open while its hook says so. */
export function GridDialogs<R extends GridRow>(props: {
  spec: GridSpec<R>;
  lang: Lang;
  reference: Reference;
  columnDefs: readonly ColDef<R>[];
  selectedCount: number;
  creating: boolean;
  onCreateClosed: () => void;
  onCreated: (row: R) => void;
  clipboard: ReturnType<typeof useClipboard<R>>;
  fill: ReturnType<typeof useFillAndBulk<R>>;
  views: ReturnType<typeof useSavedViews<R>>;
  removal: ReturnType<typeof useDeleteRestore<R>>;
}) {
  const { t } = useTranslation();
  const { spec, clipboard, fill, views, removal } = props;
  return (
    <>
      {clipboard.pasteIssues ? (
        <PasteErrors
          issues={clipboard.pasteIssues}
          title={clipboard.issueTitle}
          onClose={clipboard.dismissPasteIssues}
        />
      ) : null}
      {props.creating && spec.renderCreate
        ? spec.renderCreate({
            lang: props.lang,
            reference: props.reference,
            onClose: props.onCreateClosed,
            onCreated: props.onCreated,
          })
        : null}
      {fill.bulkOpen ? (
        <BulkDialog
          columns={props.columnDefs
            .filter((c) => c.editable !== false)
            .map((c) => ({ id: c.colId ?? '', name: c.headerName ?? '' }))}
          count={props.selectedCount}
          onApply={fill.bulkSelected}
          onClose={fill.closeBulk}
        />
      ) : null}
      {views.naming ? (
        <NameDialog
          title={t('views.save')}
          label={t('views.name')}
          onSave={views.saveView}
          onClose={views.stopNaming}
        />
      ) : null}
      {removal.confirming ? (
        <DeleteDialog
          grid={spec.name}
          seen={removal.confirming}
          one={(row) => spec.confirmDelete(row, t)}
          describe={spec.describe}
          onConfirm={removal.confirm}
          onCancel={removal.cancel}
        />
      ) : null}
    </>
  );
}
