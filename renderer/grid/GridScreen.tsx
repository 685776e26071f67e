import type { Lang } from '../../shared/i18n';
import { useReference } from '../reference';
import { RegistryGrid, type GridRow, type GridSpec } from './RegistryGrid';

/** A registry grid as a whole screen, once the reference data is in. */
export function GridScreen<R extends GridRow>({ spec, lang }: { spec: GridSpec<R>; lang: Lang }) {
  const reference = useReference();
  if (!reference) return null;
  return <RegistryGrid spec={spec} lang={lang} reference={reference} />;
}
