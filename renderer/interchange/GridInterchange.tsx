import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageCommand } from '../../shared/commands';
import { useCan } from '../auth/session';
import { takeDeferred, useCommands } from '../desktop/commands';
import type { GridHandle, GridRow } from '../grid/spec';
import type { Reference } from '../reference';
import { ExportMenu } from './ExportMenu';
import { ImportWizard } from './ImportWizard';

const COMMANDS: readonly PageCommand[] = ['import', 'export'];

/**
 * Import and Export in a grid's toolbar, and the menu's Import… and Export… commands while the
 * grid is in front (one the app deferred while opening the screen runs once the grid is ready).
 */
export function GridInterchange<R extends GridRow>({
  grid,
  onImported,
}: {
  grid: GridHandle<R>;
  /** After an import: what the screen reads besides the grid's rows (new localities). */
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const exportBox = useRef<HTMLSelectElement>(null);

  const canImport = useCan('edit');
  const command = (c: PageCommand): boolean => {
    if (c === 'import') {
      if (!canImport) return false;
      setImporting(true);
      return true;
    }
    if (c !== 'export') return false;
    exportBox.current?.focus();
    try {
      exportBox.current?.showPicker();
    } catch {
      // Without a user gesture (the native menu) the list stays closed but has focus.
    }
    return true;
  };
  useCommands(command);
  const onReady = useEffectEvent(() => {
    const deferred = takeDeferred(COMMANDS);
    if (deferred) command(deferred);
  });
  const ready = grid.api !== null;
  useEffect(() => {
    if (!ready) return undefined;
    const soon = setTimeout(() => onReady(), 0);
    return () => clearTimeout(soon);
  }, [ready]);

  return (
    <>
      {canImport ? (
        <button type="button" onClick={() => setImporting(true)}>
          {t('import.wizard.open')}
        </button>
      ) : null}
      <ExportMenu
        selectRef={exportBox}
        view={grid.view}
        api={() => grid.api}
        grid={grid.name}
        lang={grid.lang}
        onDone={(text, ok) => grid.report(ok ? 'saved' : 'error', text)}
      />
      {importing ? (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={() => {
            grid.reload();
            onImported();
          }}
        />
      ) : null}
    </>
  );
}

/** The toolbar slot of a registry grid, filled with Import and Export. */
export function interchangeToolbar<R extends GridRow>(grid: GridHandle<R>, reference: Reference) {
  return <GridInterchange grid={grid} onImported={() => reference.reloadLocalities()} />;
}
