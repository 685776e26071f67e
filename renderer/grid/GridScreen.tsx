import type { ReactNode } from 'react';
import type { Lang } from '../../shared/i18n';
import { useReference, type Reference } from '../reference';
import { RegistryGrid } from './RegistryGrid';
import type { GridHandle, GridRow, GridSpec } from './spec';

/** A registry grid as a whole screen, once the reference data is in. */
export function GridScreen<R extends GridRow>({
  spec,
  lang,
  toolbar,
}: {
  spec: GridSpec<R>;
  lang: Lang;
  /** The screen's toolbar controls (Import and Export, from renderer/interchange). */
  toolbar?: (grid: GridHandle<R>, reference: Reference) => ReactNode;
}) {
  const reference = useReference();
  if (!reference) return null;
  return (
    <RegistryGrid
      spec={spec}
      lang={lang}
      reference={reference}
      toolbar={toolbar ? (grid) => toolbar(grid, reference) : undefined}
    />
  );
}
